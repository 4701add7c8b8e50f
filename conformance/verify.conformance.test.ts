/**
 * Verification conformance against the shared external fixtures (issue: "the conformance suite
 * over ../shared/fixtures/external gives every sample the verdict its README row states, and
 * prints the table (skipped where the folder is absent)").
 *
 * Every row the import suite expects to import — and every verification-level INVALID row that
 * does import — is imported with prepareCandidates and verified like the public verifier does
 * (lib/verify-service/verify-upload.ts): the file's credential and each one inside it (a CLR's
 * credentials; for a presentation only its contents). Deps: the offline README bundle (no network),
 * the fixed clock FIXED_NOW, and a holder only where the README names the recipient. What verdict
 * each row must get, and why, is in verify-expectations.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import { prepareCandidates } from "@/lib/import/pipeline";
import { verifyCredential, type VerifyDeps } from "@/lib/verification";
import { bitAt, decodeEncodedList } from "@/lib/verification/status/bitstring";
import { offlineDocuments, offlineFetch, withHostedAssertion } from "./documents";
import { expectationFor, type RowExpectation } from "./expectations";
import { registerAbsent, resolveFixtures } from "./fixtures";
import { parseReadme, type ReadmeRow } from "./readme-table";
import { renderTable, type ReportLine } from "./report";
import {
  FIXED_NOW,
  OVERRIDES,
  overrideDate,
  verifyExpectationFor,
  type RowVerifyExpectation,
} from "./verify-expectations";
import { knownRecipient, limitationsOf } from "./verify-facts";
import { describeVerifyExpected, describeVerifyOutcome, judgeVerification, type VerifyOutcome } from "./verify-judge";

const { root, present, readme } = resolveFixtures(process.env.TESSERA_FIXTURES_DIR);

/** Rows verified here: the ones that must import, and verification-level INVALID ones that may. */
const isVerified = (e: RowExpectation) => e.expect === "import" || e.expect === "either";

if (!present) {
  registerAbsent("verification conformance", root);
} else if (!existsSync(readme)) {
  it(`verification conformance: README.md exists in ${root}`, () => expect.fail(`${readme} is missing`));
} else {
  const readmeText = readFileSync(readme, "utf8");
  const { rows } = parseReadme(readmeText);
  const documents = offlineDocuments(root);
  const sharedFetch = offlineFetch(documents);
  const recipient = knownRecipient(readmeText);
  const now = () => new Date(FIXED_NOW);
  const cases = rows.map((row) => ({ row, title: row.file, importExpectation: expectationFor(row) }));
  const lines = new Map<string, ReportLine>();

  const record = (row: ReadmeRow, expected: string, category: string, got: string, verdict: ReportLine["verdict"]) =>
    lines.set(row.file, { file: row.file, status: row.status, category, expected, got, verdict });

  /** Hosted OB 2.0 badges are refetched from their `id`: serve this one there (see withHostedAssertion). */
  const fetchFor = (item: InterpretedCredential) => {
    const id = (item.payload as { id?: unknown } | undefined)?.id;
    if (item.record.securing !== "hosted" || typeof id !== "string" || !id.startsWith("https://") || documents.has(id))
      return sharedFetch;
    return offlineFetch(withHostedAssertion(documents, id, JSON.stringify(item.payload)));
  };

  const verifyRow = async (
    row: ReadmeRow,
    allowRefusal: boolean,
  ): Promise<{ outcome: VerifyOutcome; expected?: RowVerifyExpectation; problem?: string }> => {
    const file = path.join(root, row.file);
    if (!existsSync(file)) return { outcome: { status: "missing" } };
    const bytes = new Uint8Array(readFileSync(file));
    const prepared = await prepareCandidates({ name: path.basename(row.file), bytes }, { fetch: sharedFetch });
    if (!prepared.ok) return { outcome: { status: "refused", message: prepared.message, allowed: allowRefusal } };
    const { interpreted } = prepared.candidate;
    const items = interpreted.presentation ? interpreted.children : [interpreted, ...interpreted.children];
    if (!items[0]) return { outcome: { status: "ran", items: [] } };
    const holder =
      recipient && items.some((i) => JSON.stringify(i.payload ?? null).includes(recipient.hash))
        ? { emails: [recipient.email], dids: [] }
        : undefined;
    const expected = verifyExpectationFor(row, limitationsOf(items[0], documents), holder !== undefined);
    // A README-silent date in an override must really be in the file, or the override is stale.
    const date = overrideDate(row.file);
    const problem =
      date && !Buffer.from(bytes).toString("utf8").includes(date)
        ? `override date ${date} is not in the file`
        : undefined;
    const results = [];
    for (const item of items) {
      const deps: VerifyDeps = { fetch: fetchFor(item), now, ...(holder ? { holder } : {}) };
      const input = { record: item.record, payload: item.payload, signed: item.signed as never, linked: item.linked };
      results.push(await verifyCredential(input, deps));
    }
    return {
      outcome: { status: "ran", items: results.map((r) => ({ verdict: r.verdict, checks: r.checks })) },
      expected,
      problem,
    };
  };

  describe("verification conformance: bookkeeping", () => {
    it("every override names a README row that is verified here", () => {
      const verifiedFiles = new Set(cases.filter((c) => isVerified(c.importExpectation)).map((c) => c.row.file));
      expect(Object.keys(OVERRIDES).filter((file) => !verifiedFiles.has(file))).toEqual([]);
    });

    it("the README names the recipient used as holder", () => {
      expect(recipient).toEqual({ hash: expect.stringMatching(/^sha256\$/), email: "nobody@example.org" });
    });

    // Tessera reports the DCC REVOKED rows as unknown (their lists are signed by another DID, see
    // verify-facts.ts); this pins that the lists themselves say what the README's "Known test keys"
    // say, so the only thing between those rows and "not-verified" is that issuer policy.
    it("the status lists decode to the bits the README states", () => {
      const bits = (file: string) => {
        const list = JSON.parse(readFileSync(path.join(root, file), "utf8")) as {
          credentialSubject: { encodedList: string };
        };
        return decodeEncodedList(list.credentialSubject.encodedList);
      };
      const dcc = bits("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj.json");
      expect([2, 6, 7, 8].map((i) => bitAt(dcc, i))).toEqual([true, true, false, true]); // "bits 2, 6 and 8 set (index 7 is not revoked)"
      const bsl = bits("ob3/1edtech/bsl-testlist.json");
      expect([22, 23, 24].map((i) => bitAt(bsl, i))).toEqual([false, true, false]); // "only bit 23 set"
    });
  });

  describe("verification conformance: one test per README row", () => {
    afterAll(() => {
      const ordered = rows.map((r) => lines.get(r.file)).filter((l) => l !== undefined);
      console.log(
        renderTable(ordered, root, {
          title: `Verification conformance (clock ${FIXED_NOW})`,
          skipped: "not an award, or refused at import by design",
        }),
      );
    });

    const skipped = cases.filter((c) => !isVerified(c.importExpectation));
    const checked = cases.filter((c) => isVerified(c.importExpectation));
    if (skipped.length > 0) it.skip.each(skipped)("$title", () => {});
    for (const c of skipped)
      record(c.row, `not verified (${c.importExpectation.expect}: ${c.importExpectation.why})`, "skip", "", "SKIP");

    it.each(checked)("$title", async ({ row, importExpectation }) => {
      let result: Awaited<ReturnType<typeof verifyRow>>;
      try {
        result = await verifyRow(row, importExpectation.expect === "either");
      } catch (error) {
        result = {
          outcome: {
            status: "threw",
            message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          },
        };
      }
      const { outcome, expected } = result;
      const classified = expected && !("unclassified" in expected) ? expected : undefined;
      const problem =
        result.problem ??
        (expected && "unclassified" in expected
          ? `${expected.unclassified}; add a rule or override`
          : judgeVerification(row, classified, outcome));
      // Totals group rows by the verdict they must get; refused / missing / threw rows by what happened.
      const category = classified?.verdict ?? outcome.status;
      const describedExpected = expected
        ? describeVerifyExpected(expected)
        : "any verdict, or refused at import (verification-level INVALID)";
      record(row, describedExpected, category, describeVerifyOutcome(outcome), problem ? "FAIL" : "OK");
      if (problem)
        expect.fail(
          `${row.file} (README: ${row.status}): ${problem}\n  why: ${classified?.why.join(" · ") ?? "-"}\n  got: ${describeVerifyOutcome(outcome)}`,
        );
    });
  });
}
