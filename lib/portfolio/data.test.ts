import { expect, it } from "vitest";
import { shares } from "@/db/schema";
import { saveGoal } from "@/lib/stacking/goals-data";
import { listShares, revokeShare } from "@/lib/shares/data";
import { describeEachDatabase } from "@/testkit/each-database";
import { addToCollection, createCollection } from "@/lib/wallet/collections";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { buildPortfolio, createPortfolio, portfolioForLink } from "./data";
import { renderPortfolioPdf } from "./pdf/render";
import { readPdf } from "@/testkit/pdf-reader";

const NOW = new Date("2026-12-01T10:00:00Z");
const ORIGIN = "https://wallet.example.org";
const options = { now: NOW, origin: ORIGIN };

describeEachDatabase("portfolio: model from the holder's wallet", (ctx) => {
  it("builds header, summary and credentials with honest verdicts, on a new share link that never expires", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "amara@example.org", "Amara Okafor");
    const als = await storeTestCredential(db, holder, {
      title: "Advanced Life Support",
      issuer: "Resuscitation Council",
      kind: "micro-credential",
      issued: "2026-03-14",
      validUntil: "2028-03-14",
      hours: 16,
      ects: 1.5,
      outcomes: ["Lead a team", "Use a defibrillator", "Manage airway", "Hand over"],
      skills: ["CPR"],
      verdict: "verified",
    });
    const sepsis = await storeTestCredential(db, holder, {
      title: "Sepsis Recognition",
      issuer: "Northbridge School of Nursing",
      issued: "2025-06-01",
      validUntil: "2026-06-01",
      hours: 4,
      verdict: null,
    });
    const own = await storeTestCredential(db, holder, {
      title: "Ward Induction",
      issuer: "St Mary's",
      selfReported: true,
      verdict: "verified",
    });

    const created = await createPortfolio(
      db,
      holder,
      {
        source: "selection",
        credentialIds: [sepsis, als, own],
        layout: { grouping: "kind", profession: "Registered nurse", headline: "ICU staff nurse" },
      },
      options,
    );
    const { portfolio } = created;
    expect(portfolio.header).toEqual({
      name: "Amara Okafor",
      profession: "Registered nurse",
      headline: "ICU staff nurse",
      email: null,
    });
    expect(portfolio.summary).toEqual({
      total: 3,
      byKind: [
        { kind: "micro-credential", label: "Micro-credential", count: 1 },
        { kind: "badge", label: "Badge", count: 2 },
      ],
      hours: 20,
      ects: 1.5,
      holderSetHours: 0,
      holderSetEcts: 0,
      pathwaysCompleted: [],
    });
    expect(portfolio.groups.map((g) => [g.title, g.items.map((i) => i.title)])).toEqual([
      ["Micro-credential", ["Advanced Life Support"]],
      // Newest first within a group (Ward Induction: 2026-01-10; Sepsis Recognition: 2025-06-01).
      ["Badge", ["Ward Induction", "Sepsis Recognition"]],
    ]);
    const items = portfolio.groups.flatMap((g) => g.items);
    const byTitle = Object.fromEntries(items.map((i) => [i.title, i]));
    expect(byTitle["Advanced Life Support"]!.outcomes).toEqual(["Lead a team", "Use a defibrillator", "Manage airway"]);
    expect(byTitle["Advanced Life Support"]!.verification.label).toBe("Verified");
    expect(byTitle["Sepsis Recognition"]!.verification.line).toBe("Not checked yet");
    expect(byTitle["Sepsis Recognition"]!.expired).toBe(true);
    // A self-reported entry is never "verified", whatever verdict the row carries.
    expect(byTitle["Ward Induction"]!.verification.line).toBe("Self-reported, not verified");

    expect(created.expiresAt).toBeNull();
    expect(portfolio.link.url).toBe(`${ORIGIN}/v/${created.token}`);
    expect(byTitle["Advanced Life Support"]!.verifyUrl).toBe(`${ORIGIN}/v/${created.token}/c/${als}`);
    const linkedIn = new URL(byTitle["Advanced Life Support"]!.linkedInUrl).searchParams;
    expect(linkedIn.get("certUrl")).toBe(`${ORIGIN}/v/${created.token}/c/${als}`);
    expect([linkedIn.get("issueYear"), linkedIn.get("issueMonth"), linkedIn.get("expirationYear")]).toEqual([
      "2026",
      "3",
      "2028",
    ]);

    // The holder sees (and can revoke) the link on the Shares page.
    const listed = await listShares(db, holder, NOW);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: created.shareId,
      scope: "selection",
      headline: "Portfolio: ICU staff nurse",
      expiresAt: null,
      credentialCount: 3,
      showEmail: false,
    });
  });

  it("groups by pathway: completed pathways first, the rest as other credentials; summary names completed pathways", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "pathway@example.org", "Pathway Holder");
    const bls = await storeTestCredential(db, holder, {
      title: "Basic Life Support",
      issuer: "Resuscitation Academy",
      hours: 4,
    });
    const ilS = await storeTestCredential(db, holder, {
      title: "Immediate Life Support",
      issuer: "Resuscitation Academy",
      hours: 8,
    });
    const other = await storeTestCredential(db, holder, { title: "Manual Handling", issuer: "Safe Moves" });
    await saveGoal(db, holder, {
      title: "Resuscitation ready",
      targetTitle: "Resuscitation certificate",
      targetKind: "certificate",
      heldCredentialIds: [bls, ilS],
    });
    const portfolio = await buildPortfolio(
      db,
      holder,
      [other, bls, ilS],
      { token: "tsv_x", expiresAt: null },
      { grouping: "pathway" },
      options,
    );
    expect(portfolio.groups.map((g) => [g.title, g.note, g.items.map((i) => i.title).sort()])).toEqual([
      ["Resuscitation ready", "Pathway completed", ["Basic Life Support", "Immediate Life Support"]],
      ["Other credentials", null, ["Manual Handling"]],
    ]);
    expect(portfolio.summary.pathwaysCompleted).toEqual(["Resuscitation ready"]);
  });

  it("makes a collection portfolio that follows the collection, and shows the email only when asked", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "collection@example.org", "Col Holder");
    const a = await storeTestCredential(db, holder, { title: "Infection Control" });
    const b = await storeTestCredential(db, holder, { title: "Medicines Management" });
    const icu = await createCollection(db, holder, { name: "ICU application" });
    await addToCollection(db, holder, icu.id, [a]);
    const created = await createPortfolio(
      db,
      holder,
      {
        source: "collection",
        collectionId: icu.id,
        expiry: "365",
        layout: { showEmail: "on", name: "  Dr   Col\u202E Holder " },
      },
      options,
    );
    expect(created.portfolio.header).toMatchObject({ name: "Dr Col Holder", email: "collection@example.org" });
    expect(created.expiresAt).toEqual(new Date(NOW.getTime() + 365 * 24 * 60 * 60 * 1000));
    await addToCollection(db, holder, icu.id, [b]);
    const later = await portfolioForLink(db, holder, created.token, {}, options);
    expect(later.summary.total).toBe(2);
  });

  it("refuses another holder's credentials, collection and link, and a revoked link; nothing is created", async () => {
    const db = ctx().db;
    const owner = await createTestHolder(db, "owner@example.org", "Owner");
    const intruder = await createTestHolder(db, "intruder@example.org", "Intruder");
    const owned = await storeTestCredential(db, owner, { title: "Owner's credential" });
    const mine = await storeTestCredential(db, intruder, { title: "Intruder's credential" });
    const ownersCollection = await createCollection(db, owner, { name: "Owner's collection" });
    const ownersPortfolio = await createPortfolio(db, owner, { source: "selection", credentialIds: [owned] }, options);
    const sharesBefore = await db.$count(shares);

    await expect(
      createPortfolio(db, intruder, { source: "selection", credentialIds: [mine, owned] }, options),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createPortfolio(db, intruder, { source: "collection", collectionId: ownersCollection.id }, options),
    ).rejects.toThrow(/collection was not found/);
    await expect(
      buildPortfolio(db, intruder, [owned], { token: "tsv_x", expiresAt: null }, {}, options),
    ).rejects.toThrow(/not found in your wallet/);
    await expect(portfolioForLink(db, intruder, ownersPortfolio.token, {}, options)).rejects.toThrow(
      /link was not found/,
    );
    expect(await db.$count(shares)).toBe(sharesBefore);

    // An empty choice is the holder's input to fix, not something missing.
    await expect(buildPortfolio(db, owner, [], { token: "tsv_x", expiresAt: null }, {}, options)).rejects.toMatchObject(
      { code: "invalid_input", message: "Choose at least one credential for the portfolio." },
    );

    await revokeShare(db, owner, ownersPortfolio.shareId, NOW);
    await expect(portfolioForLink(db, owner, ownersPortfolio.token, {}, options)).rejects.toMatchObject({
      code: "gone",
      message: expect.stringMatching(/was revoked/),
    });
    // To anyone but its holder, a revoked link is simply not found.
    await expect(portfolioForLink(db, intruder, ownersPortfolio.token, {}, options)).rejects.toThrow(
      /link was not found/,
    );
  });

  it(
    "renders the PDF from the database: names, titles, dates and share URLs as text; hostile text literal (docs/threat-model.md G1)",
    { timeout: 60_000 },
    async () => {
      const db = ctx().db;
      const hostileName = "Zoë (Brackets) \\ Backslash\u202Eevil\u200B name" + "N".repeat(10_000);
      const holder = await createTestHolder(db, "hostile@example.org", hostileName);
      const hostileTitle = "Title ) ( \\) (( \\\\ /JS /Launch <script>alert(1)</script> \u202Egnp.exe\u200D";
      const id = await storeTestCredential(db, holder, {
        title: hostileTitle,
        issuer: "Issuer (Q) \\ \u2066isolated\u2069",
        issued: "2026-02-03",
        validUntil: "2029-02-03",
        hours: 6,
        outcomes: ["O".repeat(10_000)],
        verdict: "verified",
      });
      const plain = await storeTestCredential(db, holder, {
        title: "Paediatric Immediate Life Support",
        issuer: "Resuscitation Council",
        issued: "2025-09-30",
        verdict: "unknown",
      });
      const created = await createPortfolio(
        db,
        holder,
        { source: "selection", credentialIds: [id, plain], layout: { paper: "LETTER" } },
        options,
      );
      const bytes = await renderPortfolioPdf(created.portfolio, ORIGIN);
      const pdf = await readPdf(bytes);

      expect(pdf.sizes.every(([w, h]) => w === 612 && h === 792)).toBe(true);
      expect(pdf.text).toContain("Zoë (Brackets) \\ Backslashevil");
      expect(pdf.title).toMatch(/^Portfolio: Zoë \(Brackets\) \\ Backslashevil nameN+…$/);
      expect(pdf.text).not.toContain("N".repeat(120));
      expect(pdf.text).toContain("Title ) ( \\) (( \\\\ /JS /Launch <script>alert(1)</script> gnp.exe");
      expect(pdf.text).toContain("Issuer (Q) \\ isolated");
      expect(pdf.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D]/);
      expect(pdf.text).toContain("Paediatric Immediate Life Support");
      expect(pdf.text).toContain("Issued 3 Feb 2026 · Expires 3 Feb 2029 · 6 h");
      expect(pdf.text).toContain("Issued 30 Sept 2025");
      expect(pdf.text).toContain("Could not fully check");
      expect(pdf.text).toContain(`${ORIGIN}/v/${created.token}/c/${id}`);
      expect(pdf.text).toContain(`${ORIGIN}/v/${created.token}/c/${plain}`);

      const links = pdf.annotations.filter((a) => a.subtype === "Link");
      expect(links.length).toBeGreaterThanOrEqual(4);
      for (const link of links) {
        expect(link.action).toBeNull();
        expect(new URL(link.url!).origin).toBe(ORIGIN);
      }
      expect(pdf.hasJavaScript).toBe(false);
      const raw = Buffer.from(bytes).toString("latin1");
      // Text is in hex glyph strings, so a title saying "/JS" cannot become a PDF name.
      expect(raw).not.toMatch(/\/(JS|JavaScript|Launch|SubmitForm|ImportData|OpenAction|AA)\b/);
      // No image at all: nothing for a reader or react-pdf to fetch (canary stays at 0).
      expect(raw).not.toContain("/Subtype /Image");
    },
  );
});
