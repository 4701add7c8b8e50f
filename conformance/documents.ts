import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createGuardedFetch, type FetchLike } from "@/lib/net";

/**
 * The README's "Offline URL → file mapping for tests", as a `documents` bundle for the guarded
 * fetcher. The fetcher consults the bundle before any scheme or address check
 * (lib/net/guarded-fetch.ts `follow`), so the README's http:// URLs resolve too; everything else is
 * refused by a lookup that only ever answers with a loopback address, so the suite never touches
 * the network.
 */

const DCC = "https://digitalcredentials.github.io/vc-test-fixtures";

/**
 * [URL, file] pairs beyond the example.org folder. Where the README abbreviates a URL ("…"), the
 * full form is the one found in the fixtures' own `statusListCredential` / issuer values.
 */
function fixedEntries(): [url: string, file: string][] {
  const dccLists = ["e5WK8CbZ1GjycuPombrj", "expired", "missingBitStringType", "notYetValid", "tampered"].map(
    (name): [string, string] => [
      `${DCC}/statusLists/didkey-ed25519Signature2020/${name}`,
      `dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/${name}.json`,
    ],
  );
  return [
    ...dccLists,
    [
      "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
      "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj.json",
    ],
    [
      "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
      "ob3/1edtech/bsl-testlist.json",
    ],
    // did:web:digitalcredentials.github.io:vc-test-fixtures:dids:<name> resolves to this URL (did:web spec).
    [`${DCC}/dids/legacy/did.json`, "dcc-vc-test-fixtures/dids/legacy/did.json"],
    [`${DCC}/dids/oidf/did.json`, "dcc-vc-test-fixtures/dids/oidf/did.json"],
    ["https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "contexts/clr-v2p0-context-2.0.1.json"],
    ["https://purl.imsglobal.org/spec/clr/v2p0/context.json", "contexts/clr-v2p0-context.json"],
    ["https://w3id.org/openbadges/v2", "contexts/openbadges-v2.jsonld"],
    ["https://w3id.org/openbadges/v1", "contexts/openbadges-v1.jsonld"],
    ["http://data.europa.eu/snb/model/context/edc-ap", "contexts/edc-ap-context.jsonld"],
    // NOT in the README's table. The OB 1.0 samples in ob2/legacy-1.x come from badgr-server's
    // apps/backpack/tests/testfiles, whose tests (setup_basic_1_0) serve exactly these URLs from
    // these files. Without them the 1.0 assertions name a badge and issuer nobody can fetch.
    ["http://a.com/instance", "ob2/legacy-1.x/1_0_basic_instance.json"],
    ["http://a.com/badgeclass", "ob2/legacy-1.x/1_0_basic_badgeclass.json"],
    ["http://a.com/issuer", "ob2/legacy-1.x/1_0_basic_issuer.json"],
  ];
}

/** URL → bytes for every mapping whose file exists. */
export function offlineDocuments(root: string): Map<string, Uint8Array> {
  const documents = new Map<string, Uint8Array>();
  const hosted = path.join(root, "ob2/hosted/example.org");
  const names = existsSync(hosted) ? readdirSync(hosted) : [];
  const pairs: [string, string][] = names.flatMap((name): [string, string][] => [
    [`https://example.org/${name}`, `ob2/hosted/example.org/${name}`],
    [`http://example.org/${name}`, `ob2/hosted/example.org/${name}`],
  ]);
  for (const [url, file] of [...pairs, ...fixedEntries()]) {
    const full = path.join(root, file);
    if (existsSync(full)) documents.set(url, new Uint8Array(readFileSync(full)));
  }
  return documents;
}

/** The guarded fetcher as the app builds it, with the offline bundle and no way out. */
export function offlineFetch(documents: Map<string, Uint8Array>): FetchLike {
  return createGuardedFetch({
    documents,
    timeoutMs: 2_000,
    // Anything not in the bundle resolves to loopback, which the fetcher refuses: no network, ever.
    lookup: async () => [{ address: "127.0.0.1", family: 4 }],
  });
}

/**
 * The bundle plus one OB 2.0 hosted assertion served at its own `id`. The README maps what hosted
 * assertions link to (BadgeClass, Issuer, keys, lists), not the assertions themselves, which all
 * claim to live at https://example.org/beths-robotics-badge.json and differ. The upstream validator
 * tests do the same per test (`responses.add(GET, <assertion id>, body=<the assertion>)`), so a
 * hosted badge is checked the way it is in production: refetched, compared, then its issuer's
 * origin, dates, status and recipient. Existing bundle entries are never replaced.
 */
export function withHostedAssertion(
  documents: ReadonlyMap<string, Uint8Array>,
  id: string,
  body: string,
): Map<string, Uint8Array> {
  const out = new Map(documents);
  if (!out.has(id)) out.set(id, new TextEncoder().encode(body));
  return out;
}
