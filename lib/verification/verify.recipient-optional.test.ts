import { describe, expect, it } from "vitest";
import { createEd25519Issuer, issueOpenBadge } from "@/test-issuer";
import { diInput, HOLDER, NOW, offlineFetch } from "@/testkit/verification/helpers";
import { verifyCredential } from "./verify";

describe("recipient check without a holder", () => {
  it("is left out (not 'could not check'), so the public verifier can say verified", async () => {
    const issuer = await createEd25519Issuer();
    const credential = await issueOpenBadge(issuer, { now: NOW, recipientEmail: HOLDER.emails[0] });
    const { fetch } = offlineFetch();
    const anonymous = await verifyCredential(diInput(credential), { fetch, now: () => NOW });
    expect(anonymous.checks.map((c) => c.id)).not.toContain("recipient");
    expect(anonymous.verdict).toBe("verified");
    const forHolder = await verifyCredential(diInput(credential), { fetch, now: () => NOW, holder: HOLDER });
    expect(forHolder.checks.find((c) => c.id === "recipient")?.status).toBe("passed");
    const forSomeoneElse = await verifyCredential(diInput(credential), {
      fetch,
      now: () => NOW,
      holder: { emails: ["someone.else@example.org"], dids: [] },
    });
    expect(forSomeoneElse.checks.find((c) => c.id === "recipient")?.status).toBe("failed");
    expect(forSomeoneElse.verdict).toBe("not-verified");
  });
});
