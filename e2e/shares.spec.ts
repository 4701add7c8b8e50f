import fs from "node:fs/promises";
import { eq } from "drizzle-orm";
import { shares } from "../db/schema";
import { createShare, revokeShare, updateShareHeadline } from "../lib/shares/data";
import { verificationDepsForHolder } from "../lib/credential-store/verify-stored";
import { importOne } from "../lib/import/jobs";
import { createGuardedFetch } from "../lib/net";
import { createEd25519Issuer, issueOpenBadge } from "../test-issuer";
import { moveServerClock, resetServerClock } from "./support/clock";
import { dbQuery } from "./support/db";
import { ORIGIN } from "./support/env";
import { expect, test } from "./support/fixtures";
import { importSignedBadges, seedCollection, seedHolder } from "./support/wallet";

const SHARED = ["Sepsis Recognition Badge", "Basic Life Support Badge", "Infection Prevention Badge"];
const NOT_SHARED = "Manual Handling Badge";
const DAY_MS = 24 * 60 * 60 * 1000;

test.describe("share links and the page recruiters open", () => {
  test.setTimeout(120_000);

  test("a collection link opens without an account with verified cards; revoked and expired links are gone (410)", async ({
    page,
    context,
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(
      /status of 410|status of 404/,
      "this journey opens revoked, expired and unknown links on purpose",
    );
    const holder = await seedHolder(context, { label: "sharer" });
    const ids = await importSignedBadges(holder, [...SHARED, NOT_SHARED]);
    await seedCollection(
      holder.id,
      "ICU application",
      SHARED.map((title) => ids[title]!),
    );

    // The holder creates the link from the Shares page.
    await page.goto("/shares");
    await page.getByRole("link", { name: "New share link" }).click();
    await page.getByRole("radio", { name: "A collection" }).check();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: "ICU application" });
    await page.getByLabel("Headline (optional)").fill("Applying for ICU staff nurse");
    await page.getByLabel("Link expires after").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Create link" }).click();
    const url = await page.getByLabel("Share link").inputValue();
    expect(url).toMatch(new RegExp(`^${ORIGIN}/v/tsv_[A-Za-z0-9_-]{40,}$`));

    // A recruiter with no cookies opens it.
    const recruiter = await newContext();
    const visitor = await recruiter.newPage();
    const requests: string[] = [];
    visitor.on("request", (request) => requests.push(request.url()));
    const response = await visitor.goto(url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-robots-tag"]).toMatch(/noindex/);
    expect(headers["cache-control"]).toMatch(/no-store/);
    await expect(visitor.getByText("Applying for ICU staff nurse")).toBeVisible();
    await expect(visitor.getByText(holder.name).first()).toBeVisible();
    for (const title of SHARED) await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
    await expect(visitor.getByText(NOT_SHARED)).toHaveCount(0);
    await expect(visitor.getByText("Verified").first()).toBeVisible();
    const html = await visitor.content();
    expect(html).not.toContain(holder.email);
    expect(
      requests.every((r) => r.startsWith(ORIGIN) || r.startsWith("data:")),
      `third-party requests: ${requests.filter((r) => !r.startsWith(ORIGIN))}`,
    ).toBe(true);

    // The whole share as a presentation, and an unknown link that looks like a real one.
    const vp = await recruiter.request.get(`${url}/presentation.json`);
    expect(vp.status()).toBe(200);
    expect((await vp.json()).verifiableCredential).toHaveLength(SHARED.length);
    const unknown = await recruiter.request.get(`${ORIGIN}/v/tsv_${"A".repeat(43)}`);
    const malformed = await recruiter.request.get(`${ORIGIN}/v/not-a-token`);
    expect([unknown.status(), malformed.status()]).toEqual([404, 404]);
    expect(await unknown.text()).toBe(await malformed.text());

    // The holder sees the view and revokes the link; the recruiter's reload is gone.
    // Views are written in batches within a second (lib/shares/view-batch.ts).
    const card = page.getByRole("article").filter({ hasText: "Applying for ICU staff nurse" });
    await expect(async () => {
      await page.goto("/shares");
      await expect(card).toContainText(/1 view/, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await card.getByRole("button", { name: "Revoke link" }).click();
    await card.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(card).toContainText(/Revoked/);
    const gone = await visitor.reload();
    expect(gone?.status()).toBe(410);
    expect(await visitor.content()).not.toContain(holder.name);

    // Expiry, with the server's clock moved on: a one-week link is gone on day eight.
    await page.goto("/shares/new");
    await page.getByRole("radio", { name: "Your whole profile" }).check();
    await page.getByLabel("Headline (optional)").fill("Agency profile");
    await page.getByLabel("Link expires after").selectOption({ label: "1 week" });
    await page.getByRole("button", { name: "Create link" }).click();
    const second = await page.getByLabel("Share link").inputValue();
    expect((await visitor.goto(second))?.status()).toBe(200);
    try {
      moveServerClock(6 * DAY_MS);
      expect((await visitor.goto(second))?.status()).toBe(200);
      moveServerClock(8 * DAY_MS);
      const expired = await visitor.goto(second);
      expect(expired?.status()).toBe(410);
      expect(await visitor.content()).not.toContain(holder.name);
      await page.goto("/shares");
      await expect(page.getByRole("article").filter({ hasText: "Agency profile" })).toContainText(/Link expired on/);
    } finally {
      resetServerClock();
    }
    expect((await visitor.goto(second))?.status()).toBe(200);
  });

  test("a busy page is served from a kept render: a fresh nonce per response, a visitor cannot ask for the internal render, and any change shows at once", async ({
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "busy" });
    const ids = await importSignedBadges(holder, SHARED.slice(0, 2));
    const created = await dbQuery((db) =>
      createShare(db, holder.id, { scope: "selection", credentialIds: Object.values(ids), headline: "Bank shifts" }),
    );
    const url = `${ORIGIN}/v/${created!.token}`;
    const recruiter = await newContext();

    const nonces = new Set<string>();
    const visitorHeaders: Record<string, string>[] = [
      {},
      {},
      { "x-tessera-internal-render": "1", "x-tessera-render-secret": "guessed" },
    ];
    for (const extra of visitorHeaders) {
      const response = await recruiter.request.get(url, { headers: extra });
      expect(response.status()).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      expect(html).toContain("Bank shifts");
      // Every script carries this response's nonce, and no other nonce appears anywhere.
      const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(3);

    // Each response was a view, cached or not.
    await expect
      .poll(
        async () =>
          (
            await dbQuery((db) =>
              db.select({ views: shares.viewCount }).from(shares).where(eq(shares.id, created!.share.id)),
            )
          )[0]?.views,
        { timeout: 10_000 },
      )
      .toBe(3);

    // The holder edits the headline: the very next view shows it (the kept render is keyed by what the page shows).
    await dbQuery((db) => updateShareHeadline(db, holder.id, created!.share.id, "Theatre recovery"));
    const edited = await (await recruiter.request.get(url)).text();
    expect(edited).toContain("Theatre recovery");
    expect(edited).not.toContain("Bank shifts");

    // Revoked: gone on the next request, never the kept page.
    await dbQuery((db) => db.update(shares).set({ revokedAt: new Date() }).where(eq(shares.id, created!.share.id)));
    const gone = await recruiter.request.get(url);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).not.toContain(holder.name);
  });

  test("the share page and a credential's page arrive as plain HTML: no framework scripts or React payload, and Print still prints (issue 21)", async ({
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "plain" });
    const ids = await importSignedBadges(holder, SHARED.slice(0, 2));
    const created = await dbQuery((db) =>
      createShare(db, holder.id, { scope: "selection", credentialIds: Object.values(ids), headline: "Plain pages" }),
    );
    const recruiter = await newContext();
    await recruiter.addInitScript(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    const visitor = await recruiter.newPage();
    const scripts: string[] = [];
    visitor.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const response = await visitor.goto(`${ORIGIN}/v/${created!.token}`);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toContain("self.__next_f");
    await expect(visitor.getByRole("heading", { name: SHARED[0] })).toBeVisible();
    await visitor.getByRole("button", { name: "Print" }).click();
    await expect(visitor.locator("body")).toHaveAttribute("data-printed", "yes");

    // A card leads to the credential's own page, also plain HTML, with its own Print button.
    await visitor
      .getByRole("link", { name: new RegExp(SHARED[0]!) })
      .first()
      .click();
    await expect(visitor).toHaveURL(new RegExp(`/v/${created!.token}/c/`));
    await expect(visitor.getByRole("heading", { name: SHARED[0], level: 1 })).toBeVisible();
    const detail = await (await recruiter.request.get(visitor.url())).text();
    expect(detail).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(detail).not.toContain("self.__next_f");
    await visitor.getByRole("button", { name: "Print" }).click();
    await expect(visitor.locator("body")).toHaveAttribute("data-printed", "yes");
    expect(scripts, "scripts the recruiter's browser loaded").toEqual([]);

    // Each page view counts once: the share page, the credential page, and the check just above.
    await expect
      .poll(
        async () =>
          (
            await dbQuery((db) =>
              db.select({ views: shares.viewCount }).from(shares).where(eq(shares.id, created!.share.id)),
            )
          )[0]?.views,
        { timeout: 10_000 },
      )
      .toBe(3);
  });

  test("an outbound link on a shared credential sends no Referer, so the token never leaves (docs/threat-model.md F4)", async ({
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "referer" });
    const ids = await importSignedBadges(holder, [SHARED[0]!]);
    const created = await dbQuery((db) =>
      createShare(db, holder.id, { scope: "selection", credentialIds: Object.values(ids) }),
    );
    const recruiter = await newContext();
    const visitor = await recruiter.newPage();
    // Every request that leaves our origin is answered here, never sent: what would the issuer's site have seen?
    const outbound: { url: string; referer: string | undefined }[] = [];
    await recruiter.route(/^https?:\/\//, async (route) => {
      const request = route.request();
      if (request.url().startsWith(ORIGIN)) return route.fallback();
      outbound.push({ url: request.url(), referer: (await request.headerValue("referer")) ?? undefined });
      await route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<!doctype html><title>Issuer</title><p>Issuer site</p>",
      });
    });
    await visitor.goto(`${ORIGIN}/v/${created!.token}/c/${Object.values(ids)[0]}`);
    const external = visitor.locator(`main a[href^="https://"]:not([href^="${ORIGIN}"])`).first();
    await expect(external).toBeVisible();
    expect(await external.getAttribute("rel")).toMatch(/noreferrer/);
    const href = (await external.getAttribute("href"))!;
    const popup = recruiter.waitForEvent("page", { timeout: 2000 }).catch(() => null);
    await external.click();
    await (await popup)?.waitForLoadState();
    await expect.poll(() => outbound.length).toBeGreaterThan(0);
    expect(outbound[0]!.url.startsWith(new URL(href).origin)).toBe(true);
    for (const request of outbound) expect(request.referer, request.url).toBeUndefined();
  });

  test("a one-credential link offers LinkedIn's Add to profile, pointing at the credential's page on that link", async ({
    page,
    context,
  }) => {
    const holder = await seedHolder(context, { label: "linkedin" });
    const ids = await importSignedBadges(holder, [SHARED[1]!]);
    const id = Object.values(ids)[0]!;
    await page.goto(`/credentials/${id}`);
    await page.getByRole("link", { name: "Share this credential" }).click();
    await page.getByRole("button", { name: "Create link" }).click();
    const url = await page.getByLabel("Share link").inputValue();
    const linkedIn = new URL(
      (await page.getByRole("link", { name: /Add to your LinkedIn profile/ }).getAttribute("href"))!,
    );
    expect(linkedIn.origin + linkedIn.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(linkedIn.searchParams.get("startTask")).toBe("CERTIFICATION_NAME");
    expect(linkedIn.searchParams.get("name")).toBe(SHARED[1]);
    expect(linkedIn.searchParams.get("organizationName")).toBeTruthy();
    expect(linkedIn.searchParams.get("issueYear")).toMatch(/^20\d\d$/);
    expect(linkedIn.searchParams.get("certUrl")).toBe(`${url}/c/${id}`);
  });

  test("Show to a recruiter: a full-screen QR code of a fresh one-day link to one credential, which a recruiter's phone opens (issue 21)", async ({
    page,
    context,
    newContext,
  }) => {
    const holder = await seedHolder(context, { label: "in-person" });
    const ids = await importSignedBadges(holder, [SHARED[2]!]);
    const id = Object.values(ids)[0]!;
    await page.goto(`/credentials/${id}`);
    await page.getByRole("button", { name: "Show to a recruiter" }).click();
    const dialog = page.getByRole("dialog", { name: SHARED[2] });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("img", { name: "QR code of the link" })).toBeVisible();
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect([box.width, box.height]).toEqual([viewport.width, viewport.height]);
    const url = (await dialog.getByText(/\/v\/tsv_/).textContent())!.trim();
    expect(url).toMatch(new RegExp(`^${ORIGIN}/v/tsv_[A-Za-z0-9_-]{40,}$`));

    const [link] = await dbQuery((db) =>
      db
        .select({ scope: shares.scope, createdAt: shares.createdAt, expiresAt: shares.expiresAt })
        .from(shares)
        .where(eq(shares.holderId, holder.id)),
    );
    expect(link!.scope).toBe("credential");
    expect(link!.expiresAt!.getTime() - link!.createdAt.getTime()).toBe(DAY_MS);

    const recruiter = await (await newContext()).newPage();
    expect((await recruiter.goto(url))?.status()).toBe(200);
    await expect(recruiter.getByRole("heading", { name: SHARED[2] })).toBeVisible();

    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  test("a share's presentation is signed by the holder's wallet DID: /verify shows the holder check passed, a tampered copy failed, a revoked link gives none", async ({
    page,
    context,
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(/status of 410/, "the presentation of a revoked link is asked for on purpose");
    const holder = await seedHolder(context, { label: "presenter" });
    await page.goto("/settings");
    const did = await page
      .getByRole("region", { name: "Wallet DID" })
      .getByRole("textbox", { name: "Your wallet DID" })
      .inputValue();
    expect(did).toMatch(/^did:key:z6Mk/);
    const title = "Sepsis Recognition Badge";
    const badge = await issueOpenBadge(await createEd25519Issuer(), {
      achievement: { name: title },
      recipientEmail: holder.email,
      recipientId: did,
    });
    const { share, token, credentialId } = await dbQuery(async (db) => {
      const fetch = createGuardedFetch({ documents: new Map() });
      const deps = { fetch, verify: await verificationDepsForHolder(db, holder.id, fetch) };
      const file = { name: "badge.json", bytes: new TextEncoder().encode(JSON.stringify(badge)) };
      const report = await importOne(db, holder.id, file, deps);
      if (report.outcome !== "imported") throw new Error(report.message);
      const credentialId = report.credentialId!;
      return { ...(await createShare(db, holder.id, { scope: "credential", credentialId }))!, credentialId };
    });
    const url = `${ORIGIN}/v/${token}`;

    // A recruiter downloads the presentation from the share page and checks it on /verify.
    const recruiter = await (await newContext()).newPage();
    await recruiter.goto(url);
    const [download] = await Promise.all([
      recruiter.waitForEvent("download"),
      recruiter.getByRole("link", { name: "Download all (JSON)" }).click(),
    ]);
    const vp = JSON.parse(await fs.readFile((await download.path())!, "utf8")) as {
      holder: string;
      proof: Record<string, string>;
    };
    expect(vp.holder).toBe(did);
    expect(vp.proof).toMatchObject({ proofPurpose: "authentication", domain: url });
    expect(JSON.stringify(vp)).not.toMatch(/privateKey|"d":/);

    await recruiter.goto("/verify");
    const upload = (name: string, json: unknown) =>
      recruiter.getByLabel("A credential file").setInputFiles({
        name,
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(json)),
      });
    await upload("shared-credentials.json", vp);
    const presented = recruiter.getByRole("region", { name: "Presentation" });
    await expect(presented).toContainText("Holder’s signature: Passed");
    await expect(presented).toContainText(did);
    await expect(presented).toContainText(url);
    await expect(presented).toContainText(vp.proof.challenge!);
    await expect(
      recruiter.getByRole("region", { name: `Result for ${title}` }).getByText("Verified", { exact: true }),
    ).toBeVisible();

    // Handed on with another holder named: the holder's signature no longer matches.
    const other = await createEd25519Issuer();
    await upload("tampered.json", { ...vp, holder: other.did });
    await expect(presented).toContainText("Holder’s signature: Failed");
    await expect(presented).toContainText(/changed after it was signed/);

    // The credential's own page offers it alone, signed the same way; a revoked link gives nothing.
    await recruiter.goto(`${url}/c/${credentialId}`);
    const single = recruiter.getByRole("link", { name: "Download as a signed presentation" });
    const one = await recruiter.request.get(`${ORIGIN}${await single.getAttribute("href")}?challenge=recruiter-42`);
    expect(one.status()).toBe(200);
    expect((await one.json()).proof).toMatchObject({ challenge: "recruiter-42", domain: url });
    await dbQuery((db) => revokeShare(db, holder.id, share.id));
    expect((await recruiter.request.get(`${url}/presentation.json`)).status()).toBe(410);
  });
});
