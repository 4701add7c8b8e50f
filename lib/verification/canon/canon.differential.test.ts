/**
 * The fast JSON-LD path must be byte-identical to plain jsonld (the reference stack's
 * canonicalization) — on every test-issuer credential, their proof options, and random mutations.
 */
import fc from "fast-check";
import jsonld from "jsonld";
import * as rdfCanonize from "rdf-canonize";
import { beforeAll, describe, expect, it } from "vitest";
import * as T from "@/test-issuer";
import { createDocumentLoader } from "../document-loader";
import { NOW } from "@/testkit/verification/helpers";
import { canonicalNQuads } from "./canonize";

const loader = createDocumentLoader();
const docs: Array<[string, Record<string, unknown>]> = [];

/** What @digitalbazaar/eddsa-rdfc-2022-cryptosuite does, on jsonld's default (unpatched) context. */
async function referenceNQuads(input: unknown): Promise<string> {
  const toRdf = (jsonld as unknown as { toRDF(i: unknown, o: object): Promise<unknown> }).toRDF;
  const dataset = await toRdf(input, {
    documentLoader: loader,
    safe: true,
    base: null,
    rdfDirection: "i18n-datatype",
    produceGeneralizedRdf: false,
  });
  return rdfCanonize.canonize(dataset, { algorithm: "RDFC-1.0" });
}

const outcome = (p: Promise<string>) =>
  p.then(
    (nq) => ({ nq }),
    (e: unknown) => ({ error: e instanceof Error ? e.name : "error" }),
  );

beforeAll(async () => {
  const [ed, p256] = await Promise.all([T.createEd25519Issuer(), T.createP256Issuer()]);
  const list = await T.createStatusList(ed, { now: NOW });
  const sl = await T.createStatusList(ed, { now: NOW, type: "StatusList2021" });
  const signed: Array<[string, Record<string, unknown>]> = [
    ["OB 3.0 eddsa", await T.issueOpenBadge(ed, { now: NOW, status: list.entry(3) })],
    ["OB 3.0 ecdsa", await T.issueOpenBadge(p256, { now: NOW })],
    [
      "OB 3.0 Ed25519Signature2020 (VC 1.1)",
      await T.issueOpenBadgeEd25519Signature2020(ed, { now: NOW, status: sl.entry(1) }),
    ],
    ["OB 3.0 VC 1.1 + data integrity", await T.issueOpenBadge(ed, { now: NOW, vcVersion: 1 })],
    ["CLR 2.0", await T.issueClr(ed, { now: NOW })],
    ["VC 2.0 generic", await T.issueVc2(ed, { now: NOW })],
    ["Bitstring list", list.credential],
    ["StatusList2021 list", sl.credential],
  ];
  for (const [label, credential] of signed) {
    const { proof, ...unsecured } = credential;
    docs.push(
      [label, unsecured],
      [`${label} proof options`, { "@context": credential["@context"], ...(proof as object), proofValue: undefined }],
    );
  }
  docs.push(["EDC (edc-ap)", T.buildEuropeanDigitalCredential({ now: NOW })]);
});

describe("fast canonicalization = reference canonicalization", () => {
  it("is byte-identical on every test-issuer credential and proof options", async () => {
    for (const [label, doc] of docs) {
      const clean = JSON.parse(JSON.stringify(doc)) as unknown;
      expect(await outcome(canonicalNQuads(clean, loader)), label).toEqual(await outcome(referenceNQuads(clean)));
    }
  });

  it("agrees under random mutations (values, deletions, types, nested objects)", async () => {
    const [, base] = docs[0]!;
    const seen = { ok: 0, error: 0 };
    const paths = leafPaths(base);
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(T.REMOVE),
      fc.constantFrom("Achievement", "Profile", "AchievementSubject", ["Profile", "Achievement"]),
      fc.dictionary(fc.constantFrom("id", "type", "name", "narrative", "bogus"), fc.string({ maxLength: 6 }), {
        maxKeys: 3,
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...paths), value), { minLength: 1, maxLength: 3 }),
        async (edits) => {
          const mutated = edits.reduce<unknown>((doc, [path, v]) => T.tamper(doc, path, v), base);
          const fast = await outcome(canonicalNQuads(mutated, loader));
          expect(fast).toEqual(await outcome(referenceNQuads(mutated)));
          seen["nq" in fast ? "ok" : "error"]++;
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
    // Both sides of the property were exercised: documents that canonicalize and safe-mode refusals.
    expect(seen.ok).toBeGreaterThan(10);
    expect(seen.error).toBeGreaterThan(5);
  });
});

function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value).filter(([k]) => k !== "@context");
  return [...(prefix.length > 0 ? [prefix] : []), ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}
