import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { createEd25519Issuer, issueClr, issueEdc, issueOpenBadgeJwt, type TestIssuer } from "@/test-issuer";
import { describeEachDatabase } from "@/testkit/each-database";
import { checkOf, deps, input, jadesInput, jwtInput, NOW } from "@/testkit/verification/helpers";
import { verifyCredential } from "@/lib/verification/verify";
import type { VerifyInput } from "@/lib/verification/types";
import { confirmEmailAddress, createEmailConfirmation } from "./emails-data";
import { recipientIdentitiesOf } from "./recipient-identities";
import { getOrCreateWalletDid, rotateWalletDid } from "./wallet-did";

/**
 * Issue 16: recipient matching uses every confirmed address and every wallet DID of the holder,
 * in the formats beyond OB 2.0 and OB 3.0 (covered in wallet-did.test.ts and
 * unconfirmed-recipient.test.ts): CLR 2.0 (hashed `identifier`, `credentialSubject.id`), European
 * Digital Credentials (the ELM subject's `contactPoint` email; ELM has no DID subject) and VC-JWT
 * (`sub`, and the credential inside the `vc` claim). Credentials come from the test issuer; the
 * identities from the database, on both databases.
 */

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createEd25519Issuer();
});

let serial = 0;
const address = (label: string) => `${label}-${++serial}-${Date.now()}@matching.test`;

async function createHolder(db: Database, email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  return row!.id;
}

/** Amara: sign-in address, two confirmed ones, one only asked for; a previous and a current DID. A stranger with their own. */
async function holders(db: Database) {
  const signIn = address("amara");
  const amara = await createHolder(db, signIn);
  const confirmed = [address("trust"), address("university")];
  for (const email of confirmed)
    await confirmEmailAddress(db, amara, await createEmailConfirmation(db, amara, email, { maxAgeSeconds: 600 }));
  const unconfirmed = address("pending");
  await createEmailConfirmation(db, amara, unconfirmed, { maxAgeSeconds: 600 });
  const previousDid = await getOrCreateWalletDid(db, amara);
  const currentDid = await rotateWalletDid(db, amara);
  const strangerEmail = address("stranger");
  const stranger = await createHolder(db, strangerEmail);
  const strangerDid = await getOrCreateWalletDid(db, stranger);
  return {
    identities: await recipientIdentitiesOf(db, amara),
    mine: { emails: [signIn, ...confirmed], dids: [previousDid, currentDid] },
    notMine: { emails: [strangerEmail, unconfirmed], dids: [strangerDid] },
  };
}

type Recipient = { email: string; did?: string };
/** Someone else's address, so that a DID alone decides. */
const NOBODY = "nobody@elsewhere.test";

const FORMATS: Array<[string, (to: Recipient) => Promise<VerifyInput>, { dids: boolean }]> = [
  [
    "CLR 2.0 (hashed identifier, subject id)",
    async (to) =>
      input(
        "clr2",
        "data-integrity",
        await issueClr(issuer, { now: NOW, recipientEmail: to.email, recipientId: to.did }),
      ),
    { dids: true },
  ],
  [
    "VC-JWT, VC 1.1 vc claim (sub)",
    async (to) =>
      jwtInput(
        await issueOpenBadgeJwt(issuer, { now: NOW, style: "vc-claim", recipientEmail: to.email, recipientId: to.did }),
      ),
    { dids: true },
  ],
  [
    "VC-JWT, VC-JOSE (sub, unhashed identifier)",
    async (to) =>
      jwtInput(
        await issueOpenBadgeJwt(issuer, { now: NOW, hashed: false, recipientEmail: to.email, recipientId: to.did }),
      ),
    { dids: true },
  ],
  [
    "EDC sealed with JAdES (ELM contactPoint email)",
    async (to) => jadesInput((await issueEdc({ now: NOW, recipientEmail: to.email })).jades),
    { dids: false },
  ],
];

describeEachDatabase("recipient matching against several identities: CLR 2.0, EDC, VC-JWT (issue 16)", (ctx) => {
  it("a credential issued to any confirmed address or wallet DID matches; another holder's or an unconfirmed address does not", async () => {
    const { identities, mine, notMine } = await holders(ctx().db);
    expect(identities.emails.sort()).toEqual([...mine.emails].sort());
    expect(identities.dids.sort()).toEqual([...mine.dids].sort());
    const recipient = async (make: (to: Recipient) => Promise<VerifyInput>, to: Recipient) =>
      checkOf(await verifyCredential(await make(to), deps({}, { holder: identities })), "recipient");

    for (const [format, make, { dids }] of FORMATS) {
      for (const email of mine.emails)
        expect(await recipient(make, { email }), `${format} → ${email}`).toMatchObject({
          status: "passed",
          details: { matchedBy: expect.stringMatching(/^email address/) },
        });
      for (const email of notMine.emails)
        expect((await recipient(make, { email })).status, `${format} → ${email}`).toBe("failed");
      if (!dids) continue;
      for (const did of mine.dids)
        expect(await recipient(make, { email: NOBODY, did }), `${format} → ${did}`).toMatchObject({
          status: "passed",
          details: { matchedBy: "DID" },
        });
      for (const did of notMine.dids)
        expect((await recipient(make, { email: NOBODY, did })).status, `${format} → another's DID`).toBe("failed");
    }
  });
});
