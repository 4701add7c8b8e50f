import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { BrowserContext } from "@playwright/test";
import { cpdProfiles, credentials, sessions, users } from "../db/schema";
import { DEMO_HOLDER } from "../db/seed";
import { setHolderNote, setHolderTags } from "../lib/credential-store/annotations";
import { createCycle } from "../lib/cpd/cycles-data";
import { verificationDepsForHolder } from "../lib/credential-store/verify-stored";
import { importOne } from "../lib/import/jobs";
import { createGuardedFetch } from "../lib/net";
import { createShare } from "../lib/shares/data";
import { saveGoal } from "../lib/stacking/goals-data";
import { addToCollection, createCollection } from "../lib/wallet/collections";
import { storeTestCredential } from "../testkit/wallet/test-credentials";
import { dbQuery } from "./support/db";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import { SESSION_COOKIE, uniqueEmail } from "./support/flows";
import { LAYOUT_WIDTHS, linksOn, measureOverflow, type Overflow } from "./support/layout";
import { LONG, LONG_TEXT_ROWS, longTextDocuments } from "./support/long-text";
import { NOT_FOUND_CONSOLE_ERROR, PUBLIC_PAGES } from "./support/pages";

/**
 * The layout guard: no page is wider than the screen it is shown on (WCAG 1.4.10 Reflow), for
 * the demo wallet and for a wallet of long unbroken titles, issuer names and URLs, at 320, 390
 * and 1280 px. Wallet pages are found by following the links the pages show, so a new page is
 * guarded as soon as something links to it. One browser context per width and wallet, signed
 * in once by a session cookie.
 */

interface GuardedWallet {
  name: string;
  sessionToken: string;
  /** Pages nothing links to from the wallet's own pages (public share and print views). */
  extraPaths: string[];
}

const CRAWL_START = ["/wallet", "/pathways", "/renewal", "/shares", "/portfolio", "/settings", "/import"];
const CRAWL_LIMIT = 60;

async function signInSession(holderId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  await dbQuery((db) =>
    db
      .insert(sessions)
      .values({ sessionToken: token, userId: holderId, expires: new Date(Date.now() + 24 * 3600 * 1000) }),
  );
  return token;
}

/**
 * A share link of every credential: the public pages of this wallet. The page of one shared
 * credential is the same template for each, so `perCredential` of them are enough.
 */
async function publicPathsOf(holderId: string, headline: string, perCredential: number): Promise<string[]> {
  return dbQuery(async (db) => {
    const ids = (
      await db.select({ id: credentials.id }).from(credentials).where(eq(credentials.holderId, holderId))
    ).map((row) => row.id);
    const share = await createShare(db, holderId, {
      scope: "selection",
      credentialIds: ids,
      headline,
      showEmail: true,
    });
    return [`/v/${share!.token}`, ...ids.slice(0, perCredential).map((id) => `/v/${share!.token}/c/${id}`)];
  });
}

/** The print view of a portfolio of the first credentials (made once, as the holder makes it). */
async function portfolioPrintPath(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto("/portfolio");
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Create portfolio" }).click();
  const href = await page.getByRole("link", { name: "Open print view" }).getAttribute("href");
  await page.close();
  return href!;
}

async function demoWallet(): Promise<GuardedWallet> {
  const [holder] = await dbQuery((db) =>
    db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_HOLDER.email)),
  );
  if (!holder) throw new Error("The e2e server seeds the demo holder; it is missing");
  return {
    name: "the demo wallet",
    sessionToken: await signInSession(holder.id),
    extraPaths: await publicPathsOf(holder.id, "Applying for a critical care post", 2),
  };
}

/** A holder whose name, email, credentials, notes, tags, collection, goal and share are all long and unbroken. */
async function longTextWallet(): Promise<GuardedWallet> {
  const email = uniqueEmail(`layout-${LONG.word.slice(0, 40).toLowerCase()}`);
  const name = `Aoife ${LONG.word}`;
  const holderId = await dbQuery(async (db) => {
    const [user] = await db
      .insert(users)
      .values({ email, name, profession: LONG.word, emailVerified: new Date() })
      .returning({ id: users.id });
    return user!.id;
  });
  const documents = await longTextDocuments({ email, name });
  await dbQuery(async (db) => {
    const fetch = createGuardedFetch({ documents: new Map() });
    const deps = { fetch, verify: await verificationDepsForHolder(db, holderId, fetch) };
    for (const [index, text] of documents.entries()) {
      const report = await importOne(
        db,
        holderId,
        { name: `${LONG.word}-${index}.json`, bytes: new TextEncoder().encode(text) },
        deps,
      );
      if (report.outcome !== "imported") throw new Error(`long-text import: ${report.message}`);
    }
    for (const row of LONG_TEXT_ROWS) await storeTestCredential(db, holderId, row);
    const ids = (
      await db.select({ id: credentials.id }).from(credentials).where(eq(credentials.holderId, holderId))
    ).map((row) => row.id);
    for (const id of ids) {
      await setHolderNote(db, holderId, id, `${LONG.word} ${LONG.url}`);
      await setHolderTags(db, holderId, id, [LONG.word.slice(0, 40)]);
    }
    const collection = await createCollection(db, holderId, { name: LONG.word.slice(0, 80) });
    await addToCollection(db, holderId, collection.id, ids);
    await saveGoal(db, holderId, {
      title: LONG.word.slice(0, 120),
      targetTitle: LONG.title,
      targetKind: "certificate",
      targetIssuer: LONG.issuer,
      heldCredentialIds: ids.slice(0, 1),
      // Not LONG.title: the held credential may carry that very title and issuer, and a goal
      // refuses to name one credential twice (the rows come back in no fixed order).
      toEarn: [{ title: `Advanced ${LONG.title}`, issuer: LONG.issuer }],
    });
    const [nmc] = await db
      .select({ id: cpdProfiles.id })
      .from(cpdProfiles)
      .where(and(eq(cpdProfiles.slug, "nmc-revalidation"), isNull(cpdProfiles.holderId)));
    await createCycle(db, holderId, { profileId: nmc!.id, startsOn: "2025-01-01", endsOn: "2027-12-31" });
  });
  return {
    name: "a wallet of long unbroken text",
    sessionToken: await signInSession(holderId),
    extraPaths: await publicPathsOf(holderId, LONG.word.slice(0, 100), 10),
  };
}

/** Visits `paths` and every wallet page they link to (up to a limit); returns what overflowed. */
async function guard(context: BrowserContext, width: number, start: string[], crawl: boolean): Promise<Overflow[]> {
  const page = await context.newPage();
  const queue = [...start];
  const seen = new Set<string>();
  const overflows: Overflow[] = [];
  while (queue.length > 0 && seen.size < CRAWL_LIMIT) {
    const path = queue.shift()!;
    const key = path.split("?")[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    await page.goto(path);
    const overflow = await measureOverflow(page, path);
    if (overflow) overflows.push(overflow);
    if (key === "/wallet") {
      // The filters panel holds selects as wide as their longest option (an issuer's name).
      await page.getByText(/^Filters and sort/).click();
      const opened = await measureOverflow(page, `${path} (filters open)`);
      if (opened) overflows.push(opened);
    }
    if (crawl) queue.push(...(await linksOn(page)));
  }
  expect(seen.size, `pages visited at ${width} px`).toBeGreaterThan(start.length > 3 ? 10 : 0);
  await page.close();
  return overflows.map((o) => ({ ...o, width }));
}

const report = (overflows: Overflow[]) =>
  overflows.map((o) => `${o.width} px: ${o.path} is ${o.documentWidth} px wide\n    ${o.culprits.join("\n    ")}`);

test.describe("layout guard: no page is wider than the screen", () => {
  test.setTimeout(240_000);
  let wallets: GuardedWallet[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    wallets = [await demoWallet(), await longTextWallet()];
  });

  test("public pages, the verifier with a long result, and shared pages", async ({ newContext, browserProblems }) => {
    browserProblems.allow(NOT_FOUND_CONSOLE_ERROR, "the not-found page is among the pages checked");
    const overflows: Overflow[] = [];
    const publicPaths = [...PUBLIC_PAGES.map((p) => p.path), "/verify", ...wallets.flatMap((w) => w.extraPaths)];
    const longBadge = (await longTextDocuments({ email: "reader@example.org", name: LONG.word }))[0]!;
    for (const width of LAYOUT_WIDTHS) {
      const context = await newContext({ viewport: { width, height: 800 } });
      overflows.push(...(await guard(context, width, publicPaths, false)));
      const page = await context.newPage();
      await page.goto("/verify");
      await page.getByLabel("Or paste JSON, a JWT, or a link").fill(longBadge);
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await expect(page.getByRole("region", { name: /Result for/ })).toBeVisible({ timeout: 20_000 });
      const verified = await measureOverflow(page, "/verify (a long result)");
      if (verified) overflows.push({ ...verified, width });
      await context.close();
    }
    expect(report(overflows), "pages wider than the viewport").toEqual([]);
  });

  for (const index of [0, 1]) {
    test(`every wallet page of ${index === 0 ? "the demo wallet" : "a wallet of long unbroken text"}`, async ({
      newContext,
    }) => {
      // Up to CRAWL_LIMIT pages at each of three widths: the demo wallet's 17 credentials reach it.
      test.setTimeout(480_000);
      const wallet = wallets[index]!;
      const overflows: Overflow[] = [];
      let print: string | undefined;
      for (const width of LAYOUT_WIDTHS) {
        const context = await newContext({ viewport: { width, height: 800 } });
        await context.addCookies([
          { name: SESSION_COOKIE, value: wallet.sessionToken, url: ORIGIN, httpOnly: true, sameSite: "Lax" },
        ]);
        print ??= await portfolioPrintPath(context);
        overflows.push(...(await guard(context, width, [...CRAWL_START, print], true)));
        await context.close();
      }
      expect(report(overflows), `pages of ${wallet.name} wider than the viewport`).toEqual([]);
    });
  }
});
