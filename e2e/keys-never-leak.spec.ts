import fs from "node:fs";
import path from "node:path";
import { createShare } from "@/lib/shares/data";
import { holderSecretForms, leakedForms } from "@/testkit/identities/secret-forms";
import { dbQuery } from "./support/db";
import { DATA_DIR } from "./support/env";
import { expect, test } from "./support/fixtures";
import { importSignedBadges, seedHolder } from "./support/wallet";

/**
 * Issue 16: a wallet DID's private key never reaches a browser. After the holder's DID is made
 * and rotated (two keys), every holder page, the share pages, /verify and error pages are fetched
 * as HTML and as their RSC payload (`RSC: 1`, what client navigation reads), and each answer is
 * searched for every spelling of both keys (testkit/identities/secret-forms.ts). Logs, exports and
 * the CLI: lib/identities/keys-never-leak.test.ts.
 */

/** The e2e server's key-encryption key (the start script generated it into its DATA_DIR). */
function serverKek(): Uint8Array | undefined {
  const configured = process.env.TESSERA_KEY_ENCRYPTION_KEY;
  const file = path.join(DATA_DIR, "key-encryption-key");
  const value = configured ?? (fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined);
  return value ? new Uint8Array(Buffer.from(value, "base64")) : undefined;
}

test("no holder page, share page, /verify or error page carries a wallet DID private key, as HTML or RSC", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const holder = await seedHolder(context, { label: "keys" });
  const ids = await importSignedBadges(holder, ["Key Leak Check Badge"]);
  const credentialId = Object.values(ids)[0]!;

  await page.goto("/settings");
  const didCard = page.getByRole("region", { name: "Wallet DID" });
  const first = await didCard.getByRole("textbox", { name: "Your wallet DID" }).inputValue();
  await didCard.getByRole("button", { name: "Make a new DID…" }).click();
  await didCard.getByRole("button", { name: "Make a new DID", exact: true }).click();
  await expect(didCard.getByRole("textbox", { name: "Your wallet DID" })).not.toHaveValue(first);

  const forms = await dbQuery((db) => holderSecretForms(db, holder.id, serverKek()));
  expect(forms).toHaveLength(12);
  const { token } = (await dbQuery((db) => createShare(db, holder.id, { scope: "credential", credentialId })))!;

  const paths = [
    "/settings",
    "/wallet",
    "/wallet/collections",
    `/credentials/${credentialId}`,
    "/shares",
    "/portfolio",
    "/pathways",
    "/renewal",
    "/import",
    `/v/${token}`,
    `/v/${token}/c/${credentialId}`,
    `/v/${token}/presentation.json`,
    "/verify",
    // Error pages: an unknown credential, an unknown share link, a page that does not exist.
    "/credentials/00000000-0000-4000-8000-000000000000",
    "/v/not-a-real-share-token",
    "/no-such-page",
  ];
  let fetched = 0;
  for (const target of paths)
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await context.request.get(target, { headers, maxRedirects: 0 });
      const body = await response.text();
      fetched += body.length;
      expect(leakedForms(body, forms), `${target} ${JSON.stringify(headers)} (${response.status()})`).toEqual([]);
    }
  expect(fetched).toBeGreaterThan(10_000);
});
