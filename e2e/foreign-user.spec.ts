import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { asc } from "drizzle-orm";
import {
  authenticators,
  credentials,
  emailConfirmations,
  evidenceFiles,
  holderDids,
  holderEmails,
  importJobs,
} from "@/db/schema";
import type { Database } from "@/db/client";
import { confirmEmailAddress, createEmailConfirmation } from "@/lib/identities/emails-data";
import { createCycle } from "@/lib/cpd/cycles-data";
import { createHolderProfile } from "@/lib/cpd/profiles-data";
import { saveGoal } from "@/lib/stacking/goals-data";
import { createShare } from "@/lib/shares/data";
import { storeTestCredential } from "@/testkit/wallet/test-credentials";
import { holderSnapshot } from "@/testkit/holder-snapshot";
import { E2E_ORIGIN, E2E_PORT } from "@/playwright.config";
import { builtServerActions, callAction, type BuiltAction } from "./support/actions";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { SESSION_COOKIE } from "./support/flows";
import { seedCollection, seedCredentials, seedHolder } from "./support/wallet";

/**
 * The foreign-user suite (docs/threat-model.md B1, B2, B3): holder B, signed in, names holder A's ids in
 * every page, route handler and server action of the production build. Every answer is "not
 * found" (or nothing), no response carries A's marker text, and A's data is unchanged.
 */

interface Victim {
  credential: string;
  collection: string;
  job: string;
  evidence: string;
  passkey: string;
  goal: string;
  share: string;
  cpdProfile: string;
  cpdCycle: string;
  /** A further address the owner confirmed, and a confirmation link of theirs not yet used. */
  email: string;
  emailToken: string;
  marker: string;
}

/** The owner's identities, compared before and after (holderSnapshot covers the wallet itself). */
async function identitiesOf(db: Database, holderId: string): Promise<unknown> {
  return JSON.parse(
    JSON.stringify({
      emails: await db
        .select()
        .from(holderEmails)
        .where(eq(holderEmails.holderId, holderId))
        .orderBy(asc(holderEmails.email)),
      pending: await db
        .select()
        .from(emailConfirmations)
        .where(eq(emailConfirmations.holderId, holderId))
        .orderBy(asc(emailConfirmations.email)),
      dids: await db.select().from(holderDids).where(eq(holderDids.holderId, holderId)).orderBy(asc(holderDids.did)),
    }),
  );
}

/** What each action is called with: A's ids. An action missing here fails the suite. */
function foreignInputs(
  victim: Victim,
  ownCollection: string,
  ownShare: string,
): Record<string, unknown[][] | "no-ids"> {
  return {
    recheckCredentialAction: [[{ credentialId: victim.credential }]],
    saveNoteAction: [[{ credentialId: victim.credential, note: "mine now" }]],
    saveTagsAction: [[{ credentialId: victim.credential, tags: ["stolen"] }]],
    confirmMentionedHoursAction: [[{ credentialId: victim.credential }]],
    setCreditUnitAction: [[{ credentialId: victim.credential, unit: "ects" }]],
    undoHolderWorkloadAction: [
      [{ credentialId: victim.credential, what: "mentioned-hours" }],
      [{ credentialId: victim.credential, what: "credit-unit" }],
    ],
    deleteCredentialAction: [[{ credentialId: victim.credential }]],
    updateCollectionAction: [[{ collectionId: victim.collection, name: "renamed" }]],
    deleteCollectionAction: [[{ collectionId: victim.collection }]],
    addToCollectionAction: [
      [{ collectionId: victim.collection, credentialIds: [victim.credential] }],
      [{ collectionId: ownCollection, credentialIds: [victim.credential] }],
    ],
    removeFromCollectionAction: [[{ collectionId: victim.collection, credentialIds: [victim.credential] }]],
    removePasskeyAction: [[{ credentialId: victim.passkey }]],
    followPathwayAction: [[{ pathwayId: victim.goal }]],
    unfollowPathwayAction: [[{ pathwayId: victim.goal }]],
    saveGoalAction: [
      [
        {
          pathwayId: victim.goal,
          goal: {
            title: "Taken over",
            targetTitle: "x",
            targetKind: "certificate",
            toEarn: [{ title: "y", issuer: "z" }],
          },
        },
      ],
    ],
    deleteGoalAction: [[{ pathwayId: victim.goal }]],
    createShareAction: [
      [{ scope: "credential", credentialId: victim.credential }],
      [{ scope: "selection", credentialIds: [victim.credential] }],
      [{ scope: "collection", collectionId: victim.collection }],
    ],
    revokeShareAction: [[{ shareId: victim.share }]],
    deleteShareAction: [[{ shareId: victim.share }]],
    startCycleAction: [[null, { profileId: victim.cpdProfile, startsOn: "2026-01-01", endsOn: "2026-12-31" }]],
    deleteCycleAction: [[{ cycleId: victim.cpdCycle }]],
    saveActivityAction: [[null, { credentialId: victim.credential, hours: "99", participatory: "yes", topics: "" }]],
    resetActivityAction: [[{ credentialId: victim.credential }]],
    deleteProfileAction: [[{ profileId: victim.cpdProfile }]],
    createPortfolioAction: [
      [{ source: "selection", credentialIds: [victim.credential] }],
      [{ source: "collection", collectionId: victim.collection }],
    ],
    extendShareAction: [[{ shareId: victim.share, expiry: 365 }]],
    updateShareVisibilityAction: [[{ shareId: victim.share, showEmail: true }]],
    updateShareHeadlineAction: [[{ shareId: victim.share, headline: "taken over" }]],
    updateShareCredentialsAction: [
      [{ shareId: victim.share, credentialIds: [victim.credential] }],
      [{ shareId: ownShare, credentialIds: [victim.credential] }],
    ],
    removeEmailAddressAction: [[{ email: victim.email }]],
    chooseSignInEmailAction: [[{ email: victim.email }]],
    confirmEmailAddressAction: [[{ token: victim.emailToken }]],
    // These act only on the caller's own account and take no ids of anything.
    createCollectionAction: "no-ids",
    dismissFirstStepsAction: "no-ids",
    createProfileAction: "no-ids",
    saveReminderSettingsAction: "no-ids",
    // Names an address, not an id: another holder's address is refused as taken (checked below).
    addEmailAddressAction: "no-ids",
    rotateWalletDidAction: "no-ids",
    requestMagicLinkAction: "no-ids",
    updateProfileAction: "no-ids",
    updateLanguageAction: "no-ids",
    // An offer names the issuer, never a holder: what arrives lands in the caller's own wallet.
    previewOfferAction: "no-ids",
    receiveOfferAction: "no-ids",
    startIssuerSignInAction: "no-ids",
    deleteAccountAction: "no-ids",
    signOutAction: "no-ids",
  };
}

test.describe("another holder's ids", () => {
  test.setTimeout(90_000);

  test("are not found on every page, route and action, and nothing of theirs leaks or changes", async ({
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(/status of 404/, "this suite requests other holders' resources on purpose");
    const ownerContext = await newContext();
    const owner = await seedHolder(ownerContext, { name: "Owner Holder", label: "owner" });
    const marker = `Owner-Marker-${crypto.randomBytes(4).toString("hex")}`;
    const ids = await seedCredentials(owner.id, [
      { title: marker, issuer: "Marker Issuer", issued: "2026-01-01", verdict: "verified" },
    ]);
    const credential = ids[marker]!;
    const collection = await seedCollection(owner.id, `${marker} collection`, [credential]);
    const victim: Victim = await dbQuery(async (db) => {
      const [job] = await db
        .insert(importJobs)
        .values({ holderId: owner.id, source: marker, status: "done" })
        .returning({ id: importJobs.id });
      const bytes = new TextEncoder().encode(`%PDF-1.7 ${marker}`);
      const [evidence] = await db
        .insert(evidenceFiles)
        .values({
          credentialId: credential,
          holderId: owner.id,
          filename: `${marker}.pdf`,
          mediaType: "application/pdf",
          byteSize: bytes.byteLength,
          sha256: "0".repeat(64),
          bytes,
        })
        .returning({ id: evidenceFiles.id });
      const passkey = `passkey-${marker}`;
      await db.insert(authenticators).values({
        credentialID: passkey,
        userId: owner.id,
        providerAccountId: passkey,
        credentialPublicKey: "pk",
        counter: 0,
        credentialDeviceType: "singleDevice",
        credentialBackedUp: false,
      });
      const goal = await saveGoal(db, owner.id, {
        title: `${marker} goal`,
        targetTitle: `${marker} target`,
        targetKind: "certificate",
        heldCredentialIds: [credential],
      });
      const share = await createShare(db, owner.id, {
        scope: "credential",
        credentialId: credential,
        headline: marker,
      });
      const cpdProfile = await createHolderProfile(db, owner.id, {
        id: "owner-training",
        name: `${marker} training`,
        regulator: "Owner's employer",
        profession: "Nurse",
        jurisdiction: "Ward 7",
        source: { title: "Mandatory training policy", retrieved: "2026-01-01" },
        cycleMonths: 12,
        rules: [{ id: "hours", kind: "total-hours", label: `${marker} hours`, minHours: 8 }],
      });
      const cpdCycle = await createCycle(db, owner.id, {
        profileId: cpdProfile.id,
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
      });
      const email = `${marker.toLowerCase()}@owner-work.e2e.tessera.test`;
      await confirmEmailAddress(
        db,
        owner.id,
        await createEmailConfirmation(db, owner.id, email, { maxAgeSeconds: 600 }),
      );
      const emailToken = await createEmailConfirmation(db, owner.id, `pending-${email}`, { maxAgeSeconds: 600 });
      // A wallet DID row as the app keeps it (the key's JWE is opaque here: nothing decrypts it).
      await db.insert(holderDids).values({
        holderId: owner.id,
        did: `did:key:z6Mk${marker}`,
        publicKeyMultibase: `z6Mk${marker}`,
        privateKeyJwe: `jwe-of-${marker}`,
      });
      return {
        email,
        emailToken,
        credential,
        collection,
        job: job!.id,
        evidence: evidence!.id,
        passkey,
        goal: goal.id,
        share: share!.share.id,
        cpdProfile: cpdProfile.id,
        cpdCycle: cpdCycle.id,
        marker,
      };
    });
    const before = await dbQuery((db) => holderSnapshot(db, owner.id));
    const identitiesBefore = await dbQuery((db) => identitiesOf(db, owner.id));

    const intruderContext = await newContext();
    const intruder = await seedHolder(intruderContext, { name: "Intruder Holder", label: "intruder" });
    const ownCollection = await seedCollection(intruder.id, "Intruder's collection", []);
    const { ownShare, ownShareToken } = await dbQuery(async (db) => {
      const id = await storeTestCredential(db, intruder.id, { title: "Intruder's shared badge" });
      const created = (await createShare(db, intruder.id, { scope: "selection", credentialIds: [id] }))!;
      return { ownShare: created.share.id, ownShareToken: created.token };
    });
    const page = await intruderContext.newPage();
    const request = intruderContext.request;

    // Pages.
    for (const path of [
      `/credentials/${victim.credential}`,
      `/wallet/collections/${victim.collection}`,
      `/pathways/${victim.goal}`,
      `/pathways/${victim.goal}/edit`,
      `/shares/${victim.share}/credentials`,
      `/renewal/cycles/${victim.cpdCycle}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      expect(await page.content()).not.toContain(marker);
    }
    const filtered = await page.goto(`/wallet?collection=${victim.collection}`);
    expect(filtered?.status()).toBe(200);
    expect(await page.content()).not.toContain(marker);

    // Route handlers.
    for (const path of [
      `/api/credentials/${victim.credential}/image`,
      `/api/credentials/${victim.credential}/original`,
      `/api/credentials/${victim.credential}/evidence/${victim.evidence}`,
      `/api/imports/${victim.job}`,
      `/api/cpd/cycles/${victim.cpdCycle}/evidence.csv`,
      `/api/cpd/cycles/${victim.cpdCycle}/evidence.pdf`,
      // The intruder's own live share link, naming the owner's credential: no presentation of it is signed.
      `/v/${ownShareToken}/c/${victim.credential}/presentation.json`,
      `/v/${ownShareToken}/c/${victim.credential}/original`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain(marker);
    }
    const api = await request.get(`/api/wallet?collection=${victim.collection}`);
    expect(await api.json()).toMatchObject({ total: 0, items: [] });

    // Every server action in the build.
    const actions = builtServerActions(victim.credential);
    const inputs = foreignInputs(victim, ownCollection, ownShare);
    const unlisted = actions.filter((a) => !(a.exportedName in inputs)).map((a) => `${a.filename}#${a.exportedName}`);
    expect(unlisted, "every server action needs a row in the foreign-user matrix").toEqual([]);
    const anonymousRequest = (await newContext()).request;
    const withIds = actions.filter((a): a is BuiltAction => inputs[a.exportedName] !== "no-ids");
    expect(withIds.length).toBeGreaterThanOrEqual(13);
    for (const action of withIds) {
      for (const args of inputs[action.exportedName] as unknown[][]) {
        const { status, body } = await callAction(request, action, args);
        expect(status, action.exportedName).toBe(200);
        expect(body, `${action.exportedName} as another holder`).toContain('"code":"not_found"');
        expect(body).not.toContain(marker);
      }
      // Signed out, the same call is refused before anything is looked up: without a cookie the
      // proxy sends it to sign-in; with a cookie that names no session the action itself refuses.
      const firstArgs = (inputs[action.exportedName] as unknown[][])[0]!;
      const anonymous = await callAction(anonymousRequest, action, firstArgs);
      expect(anonymous.status, `${action.exportedName} without a cookie`).toBe(307);
      const forged = await callAction(anonymousRequest, action, firstArgs, {
        cookie: `${SESSION_COOKIE}=${"f".repeat(64)}`,
      });
      expect(forged.body, `${action.exportedName} with a forged cookie`).toContain('"code":"unauthenticated"');
    }

    // Another holder's address cannot be added, and the refusal does not say whose it is.
    const addEmail = actions.find((a) => a.exportedName === "addEmailAddressAction")!;
    for (const email of [victim.email, owner.email, victim.email.toUpperCase()]) {
      const { body } = await callAction(request, addEmail, [{ email }]);
      expect(body, email).toContain('"code":"conflict"');
      expect(body).not.toContain(marker);
      expect(body).not.toContain(owner.name);
    }

    // Mass assignment (B3): unknown keys are refused by the strict schemas, not ignored.
    const saveNote = actions.find((a) => a.exportedName === "saveNoteAction")!;
    const ownCredential = (await seedCredentials(intruder.id, [{ title: "Intruder's badge" }]))["Intruder's badge"]!;
    const massAssigned = await callAction(request, saveNote, [
      { credentialId: ownCredential, note: "x", holderId: owner.id, verdict: "verified" },
    ]);
    expect(massAssigned.body).toContain('"code":"invalid_input"');

    // Cross-site (C1): the same call from another origin, or from a sandboxed frame, changes nothing.
    for (const origin of [`http://127.0.0.1:${E2E_PORT}`, "null"]) {
      const crossSite = await callAction(request, saveNote, [{ credentialId: ownCredential, note: "cross-site" }], {
        origin,
      });
      expect(crossSite.body, `Origin: ${origin}`).not.toContain('"ok":true');
    }
    const [stored] = await dbQuery((db) =>
      db.select({ note: credentials.holderNote }).from(credentials).where(eq(credentials.id, ownCredential)),
    );
    expect(stored!.note).toBeNull();

    // Over-returning (B2): the intruder's own pages and API carry nothing of the owner's.
    for (const path of [
      "/wallet",
      "/wallet/collections",
      "/pathways",
      "/renewal",
      "/shares",
      "/portfolio",
      `/credentials/${ownCredential}`,
    ]) {
      await page.goto(path);
      expect(await page.content(), path).not.toContain(marker);
    }
    expect(await (await request.get("/api/wallet")).text()).not.toContain(marker);
    // The intruder's wallet export holds only the intruder's wallet (stored entries: the marker would show as is).
    const exported = await request.get("/api/wallet/export");
    expect(exported.status()).toBe(200);
    expect((await exported.body()).includes(Buffer.from(marker))).toBe(false);
    // The export with wallet keys (POST, a passphrase in the form) takes no ids either: naming the
    // owner in the form changes nothing, and none of the owner's DIDs is in it.
    const keyed = await request.post("/api/wallet/export", {
      headers: { origin: E2E_ORIGIN },
      form: { passphrase: "the intruder's passphrase", holder: owner.id, holderId: owner.id },
    });
    expect(keyed.status()).toBe(200);
    const keyedBody = await keyed.body();
    expect(keyedBody.includes(Buffer.from(marker))).toBe(false);
    for (const { did } of await dbQuery((db) =>
      db.select({ did: holderDids.did }).from(holderDids).where(eq(holderDids.holderId, owner.id)),
    ))
      expect(keyedBody.includes(Buffer.from(did))).toBe(false);

    await page.goto("about:blank");
    expect(await dbQuery((db) => holderSnapshot(db, owner.id))).toEqual(before);
    expect(await dbQuery((db) => identitiesOf(db, owner.id))).toEqual(identitiesBefore);
  });
});
