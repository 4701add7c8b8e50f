/**
 * Bulk issuing for the import benchmark and e2e seeding. Data Integrity signing costs ~10–50 ms
 * per credential (JSON-LD expansion, as in verification), so a large corpus should be generated
 * once and reused: `loadOrIssueMany(file, options)` caches it as JSON keyed by the options.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { issueClr } from "./clr";
import { DEFAULT_ACHIEVEMENT, toIso, type DateInput } from "./defaults";
import { issueEdc } from "./edc";
import { issueOpenBadgeJwt } from "./jwt";
import { createEd25519Issuer, createP256Issuer, createRsaKey } from "./keys";
import { createOb2Hosted, createOb2Signed } from "./ob2";
import { issueOpenBadge } from "./ob3";
import { issueVc2 } from "./vc2";
import { createSealCertificate } from "./x509";

export const MIXED_FORMATS = [
  "ob3-eddsa",
  "ob3-ed25519-2020",
  "ob3-ecdsa",
  "ob3-jwt-eddsa",
  "ob3-jwt-es256",
  "ob3-jwt-rs256",
  "vc2-eddsa",
  "clr2",
  "ob2-hosted",
  "ob2-signed",
  "edc-jades",
] as const;

export type MixedFormat = (typeof MIXED_FORMATS)[number];

/** Roughly what a health worker's wallet holds: mostly OB 3.0, some OB 2.0 and EDC. */
export const DEFAULT_MIX: Record<MixedFormat, number> = {
  "ob3-eddsa": 30,
  "ob3-ed25519-2020": 5,
  "ob3-ecdsa": 5,
  "ob3-jwt-eddsa": 15,
  "ob3-jwt-es256": 5,
  "ob3-jwt-rs256": 5,
  "vc2-eddsa": 5,
  clr2: 2,
  "ob2-hosted": 10,
  "ob2-signed": 8,
  "edc-jades": 10,
};

export interface IssuedItem {
  index: number;
  format: MixedFormat;
  /** Exactly what an importer is handed: JSON text, or a compact JWS for JWT/OB 2.0 signed. */
  content: string;
}

export interface IssuedCorpus {
  items: IssuedItem[];
  /** URL → JSON to serve from a fetch double / `extraDocuments` (OB 2.0 hosted docs and keys). */
  documents: Record<string, unknown>;
  /** DID → DID document for `resolveDidWeb` (the RS256 VC-JWT issuer). */
  didDocuments: Record<string, unknown>;
}

export interface IssueManyOptions {
  count: number;
  mix?: Partial<Record<MixedFormat, number>>;
  now?: DateInput;
  /** Seed for the Ed25519 issuer, so DIDs are stable across runs. */
  seed?: Uint8Array;
}

/** Deterministic interleaved schedule with counts proportional to the weights. */
export function schedule(count: number, mix: Partial<Record<MixedFormat, number>>): MixedFormat[] {
  const entries = MIXED_FORMATS.map((f) => [f, mix[f] ?? 0] as const).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const exact = entries.map(([f, w]) => ({ f, n: Math.floor((count * w) / total), r: ((count * w) / total) % 1 }));
  let missing = count - exact.reduce((s, e) => s + e.n, 0);
  for (const e of [...exact].sort((a, b) => b.r - a.r)) if (missing-- > 0) e.n++;
  const slots = exact.flatMap(({ f, n }) => Array.from({ length: n }, (_, j) => ({ f, key: (j + 0.5) / n })));
  return slots.sort((a, b) => a.key - b.key || MIXED_FORMATS.indexOf(a.f) - MIXED_FORMATS.indexOf(b.f)).map((s) => s.f);
}

export async function issueMany(options: IssueManyOptions): Promise<IssuedCorpus> {
  const now = toIso(options.now ?? new Date());
  const [ed25519, p256, rsa, seal] = await Promise.all([
    createEd25519Issuer({ seed: options.seed }),
    createP256Issuer(),
    createRsaKey({ did: "did:web:issuer.test" }),
    createSealCertificate(),
  ]);
  const corpus: IssuedCorpus = { items: [], documents: {}, didDocuments: { [rsa.did]: rsa.didDocument } };
  const formats = schedule(options.count, options.mix ?? DEFAULT_MIX);
  for (const [index, format] of formats.entries()) {
    const achievement = {
      id: `${DEFAULT_ACHIEVEMENT.id}/${index}`,
      humanCode: `${DEFAULT_ACHIEVEMENT.humanCode}-${index}`,
    };
    const common = { now, achievement };
    const json = (value: unknown) => JSON.stringify(value);
    let content: string;
    switch (format) {
      case "ob3-eddsa":
        content = json(await issueOpenBadge(ed25519, common));
        break;
      case "ob3-ed25519-2020":
        content = json(await issueOpenBadge(ed25519, { ...common, proof: "Ed25519Signature2020" }));
        break;
      case "ob3-ecdsa":
        content = json(await issueOpenBadge(p256, common));
        break;
      case "ob3-jwt-eddsa":
        content = await issueOpenBadgeJwt(ed25519, common);
        break;
      case "ob3-jwt-es256":
        content = await issueOpenBadgeJwt(p256, { ...common, style: "vc-claim" });
        break;
      case "ob3-jwt-rs256":
        content = await issueOpenBadgeJwt(rsa, common);
        break;
      case "vc2-eddsa":
        content = json(await issueVc2(ed25519, { now }));
        break;
      case "clr2":
        content = json(await issueClr(ed25519, { now }));
        break;
      case "edc-jades":
        content = json((await issueEdc({ ...common, seal })).jades);
        break;
      case "ob2-hosted": {
        const bundle = createOb2Hosted({ ...common, origin: `https://issuer-${index % 7}.test` });
        Object.assign(corpus.documents, bundle.documents);
        content = json(bundle.assertion);
        break;
      }
      case "ob2-signed": {
        const bundle = await createOb2Signed(rsa, { ...common, hashed: index % 2 === 0 });
        Object.assign(corpus.documents, bundle.documents);
        content = bundle.jws;
        break;
      }
    }
    corpus.items.push({ index, format, content });
  }
  return corpus;
}

function cacheKey(options: IssueManyOptions): string {
  const { count, mix, now, seed } = options;
  const material = JSON.stringify({
    v: 1,
    count,
    mix: mix ?? DEFAULT_MIX,
    now: now && toIso(now),
    seed: seed && Buffer.from(seed).toString("hex"),
  });
  return createHash("sha256").update(material).digest("hex");
}

/**
 * Returns the corpus cached at `file` when it was made with the same options, else issues and
 * writes it (atomically). Pass a fixed `now`, or the cache is keyed on the current time and missed.
 */
export async function loadOrIssueMany(file: string, options: IssueManyOptions): Promise<IssuedCorpus> {
  const key = cacheKey(options);
  try {
    const cached = JSON.parse(await readFile(file, "utf8")) as { key: string; corpus: IssuedCorpus };
    if (cached.key === key) return cached.corpus;
  } catch {
    // missing or unreadable cache: issue afresh
  }
  const corpus = await issueMany(options);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify({ key, corpus }));
  await rename(`${file}.tmp`, file);
  return corpus;
}
