import yazl from "yazl";
import { describe, expect, it } from "vitest";
import { createEd25519Issuer, createJoseIssuer, issueOpenBadge, issueSdJwtVc } from "@/test-issuer";
import { createGuardedFetch, type FetchLike } from "@/lib/net";
import { ARCHIVE_REFUSAL, verifyUpload } from "./verify-upload";

const offline: FetchLike = async (url) => {
  throw new Error(`no network in this test (${url})`);
};

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("verifyUpload", () => {
  it("says plainly that it checks one credential at a time when given an archive", async () => {
    const badge = JSON.stringify(await issueOpenBadge(await createEd25519Issuer(), {}));
    const outcome = await verifyUpload("badges.zip", await zipOf({ "a.json": badge, "b.json": badge }), {
      fetch: offline,
    });
    expect(outcome).toEqual({ ok: false, message: ARCHIVE_REFUSAL });
    expect(ARCHIVE_REFUSAL).toMatch(/one credential at a time/);
    expect(ARCHIVE_REFUSAL).not.toMatch(/inside another archive/);
  });

  it("still verifies the credential itself", async () => {
    const badge = JSON.stringify(await issueOpenBadge(await createEd25519Issuer(), {}));
    const outcome = await verifyUpload("badge.json", new TextEncoder().encode(badge), { fetch: offline });
    expect(outcome.ok && outcome.results.map((r) => r.verdict)).toEqual(["verified"]);
  });

  it("verifies an SD-JWT VC the way /verify, the API and the CLI see it, and refuses one with _sd_alg none", async () => {
    const issuer = await createJoseIssuer({ iss: "https://academy.example", alg: "ES256" });
    const documents = new Map(Object.entries(issuer.documents).map(([url, doc]) => [url, JSON.stringify(doc)]));
    const deps = { fetch: createGuardedFetch({ documents }) };
    const good = await issueSdJwtVc(issuer, {});
    const outcome = await verifyUpload("pasted text", new TextEncoder().encode(good.token), deps);
    expect(outcome.ok && outcome.results.map((r) => [r.verdict, r.format, r.credential.title])).toEqual([
      ["verified", "sd-jwt-vc", "Sepsis recognition and escalation"],
    ]);
    const bad = await issueSdJwtVc(issuer, { sdAlg: "none" });
    const refused = await verifyUpload("pasted text", new TextEncoder().encode(bad.token), deps);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/digest Tessera does not accept/) });
  });
});
