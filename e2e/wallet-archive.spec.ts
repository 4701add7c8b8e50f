import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { credentials } from "@/db/schema";
import { CREDENTIALS_ENTRY } from "@/lib/wallet-archive/format";
import { repack, sha256, unpack } from "@/testkit/wallet-archive/archive-bytes";
import { setHolderNote } from "@/lib/credential-store/annotations";
import { dbQuery } from "./support/db";
import { expect, test } from "./support/fixtures";
import { credentialCount, importSignedBadges, seedCollection, seedHolder } from "./support/wallet";

const TITLES = ["Sepsis Recognition Badge", "Basic Life Support Badge", "Infection Prevention Badge"];
const NOTE = "Renew before the March rota — ward requirement.";

test.describe("take your wallet anywhere: export and restore", () => {
  test.setTimeout(120_000);

  test("a holder downloads the export; a fresh holder restores it and sees everything; a tampered archive is refused and adds nothing", async ({
    page,
    context,
    newContext,
    browserProblems,
  }) => {
    browserProblems.allow(/status of 422/, "the tampered archive is refused on purpose (422 with its reason)");
    const holder = await seedHolder(context, { label: "exporter", name: "Amara Okafor" });
    const ids = await importSignedBadges(holder, TITLES);
    await dbQuery((db) => setHolderNote(db, holder.id, ids[TITLES[0]!]!, NOTE));
    await seedCollection(holder.id, "ICU application", [ids[TITLES[0]!]!, ids[TITLES[1]!]!]);

    await page.goto("/portfolio");
    const section = page.getByRole("region", { name: "Take your wallet anywhere" });
    await expect(section).toContainText("3 credentials (3 original files), 1 collection");
    const downloading = page.waitForEvent("download");
    await section.getByRole("link", { name: "Export my wallet (.zip)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tessera-wallet-\d{4}-\d{2}-\d{2}\.zip$/);
    const archive = fs.readFileSync((await download.path())!);
    const entries = await unpack(archive);
    const originals = [...entries].filter(([name]) => name.startsWith("originals/"));
    expect(originals).toHaveLength(3);
    for (const [name, bytes] of originals) expect(sha256(bytes)).toBe(name.slice("originals/".length));
    expect(entries.get(CREDENTIALS_ENTRY)!.toString("utf8")).toContain(NOTE);

    // A second, fresh holder restores it through the page.
    const otherContext = await newContext();
    const restorer = await seedHolder(otherContext, { label: "restorer", name: "Amara Okafor" });
    const other = await otherContext.newPage();
    await other.goto("/portfolio");
    const restore = other.getByRole("region", { name: "Restore" });
    await restore
      .getByLabel("Wallet archive (.zip)")
      .setInputFiles({ name: download.suggestedFilename(), mimeType: "application/zip", buffer: archive });
    await restore.getByRole("button", { name: "Restore wallet" }).click();
    const done = other.getByRole("status").filter({ hasText: "Wallet restored" });
    await expect(done).toContainText("Restored 3 credentials, 1 collection", { timeout: 30_000 });
    expect(await credentialCount(restorer.id)).toBe(3);
    await other.goto("/wallet");
    for (const title of TITLES) await expect(other.getByRole("heading", { name: title })).toBeVisible();
    const [noted] = await dbQuery((db) =>
      db
        .select({ note: credentials.holderNote })
        .from(credentials)
        .where(and(eq(credentials.holderId, restorer.id), eq(credentials.title, TITLES[0]!))),
    );
    expect(noted?.note).toBe(NOTE);

    // A third holder is handed an archive edited after export: refused whole, with the reason.
    const edited = new Map(entries);
    edited.set(
      CREDENTIALS_ENTRY,
      Buffer.from(
        entries
          .get(CREDENTIALS_ENTRY)!
          .toString("utf8")
          .replace("Sepsis Recognition Badge", "Sepsis Recognition Bxdge"),
      ),
    );
    const tampered = await repack(edited, { rehash: false });
    const thirdContext = await newContext();
    const third = await seedHolder(thirdContext, { label: "tampered" });
    const thirdPage = await thirdContext.newPage();
    await thirdPage.goto("/portfolio");
    const thirdRestore = thirdPage.getByRole("region", { name: "Restore" });
    await thirdRestore
      .getByLabel("Wallet archive (.zip)")
      .setInputFiles({ name: "tessera-wallet-edited.zip", mimeType: "application/zip", buffer: tampered });
    await thirdRestore.getByRole("button", { name: "Restore wallet" }).click();
    const refused = thirdPage.getByRole("alert").filter({ hasText: "Nothing was restored" });
    await expect(refused).toContainText("does not match its SHA-256 in the manifest", { timeout: 30_000 });
    expect(await credentialCount(third.id)).toBe(0);
  });
});
