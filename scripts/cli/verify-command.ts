import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { isZipArchive } from "@/lib/credentials/detect";
import { expandSources } from "@/lib/import/pipeline";
import { createGuardedFetch } from "@/lib/net";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import { createMemoryProofCache } from "@/lib/verification";
import { loadTrustAnchors } from "@/lib/verify-service/trust-anchors";
import { verifyUpload } from "@/lib/verify-service/verify-upload";
import type { CliCommand } from "./commands";

const VERDICT_WORDS = {
  verified: "VERIFIED",
  "not-verified": "NOT VERIFIED",
  unknown: "COULD NOT FULLY CHECK",
} as const;

function holderFrom(values: string[]): { emails: string[]; dids: string[] } | undefined {
  if (values.length === 0) return undefined;
  return {
    emails: values.filter((v) => !v.startsWith("did:")).map((v) => v.toLowerCase()),
    dids: values.filter((v) => v.startsWith("did:")),
  };
}

/**
 * Each file, and each file inside a zip archive (named "archive.zip › entry.json"): unlike the
 * public verifier, which checks one credential per request, this runs on the operator's machine.
 */
async function* filesToVerify(
  paths: string[],
): AsyncGenerator<{ file: string; name: string; bytes?: Uint8Array; refusal?: string }> {
  for (const file of paths) {
    const read = await fs.readFile(file).catch(() => null);
    const bytes = read ? new Uint8Array(read) : undefined;
    if (!bytes || !isZipArchive(bytes)) {
      yield { file, name: path.basename(file), ...(bytes ? { bytes } : {}) };
      continue;
    }
    const archive = path.basename(file);
    const { items } = await expandSources([{ name: archive, bytes }]);
    for (const item of items) {
      // expandSources names an entry "archive.zip › entry.json"; keep the path the operator typed.
      const shown = item.name === archive ? file : `${file}${item.name.slice(archive.length)}`;
      yield item.rejection
        ? { file: shown, name: item.name, refusal: item.rejection }
        : { file: shown, name: item.name, bytes: item.bytes };
    }
  }
}

export const verifyCommand: CliCommand = {
  summary: "Verify credential files (and the files in zip archives); exit 0 only if every one verified",
  usage: "verify [--json] [--holder EMAIL_OR_DID]... [--documents BUNDLE.json] [--trust-anchors CAS.pem] FILE...",
  needsDatabase: false,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: "boolean" },
        holder: { type: "string", multiple: true },
        documents: { type: "string" },
        "trust-anchors": { type: "string" },
      },
      allowPositionals: true,
    });
    if (positionals.length === 0) {
      ctx.err(`Usage: npm run tessera -- ${verifyCommand.usage}`);
      return 2;
    }
    const bundlePath = values.documents ?? process.env.TESSERA_DOCUMENTS;
    const documents = bundlePath ? loadDocumentBundle(bundlePath) : undefined;
    const anchorsPath = values["trust-anchors"] ?? process.env.TESSERA_X509_TRUST_ANCHORS;
    const deps = {
      fetch: createGuardedFetch({ ...(documents ? { documents } : {}), cacheTtlMs: 60_000 }),
      holder: holderFrom(values.holder ?? []),
      proofCache: createMemoryProofCache(1000),
      ...(anchorsPath ? { x509TrustAnchors: loadTrustAnchors(anchorsPath) } : {}),
    };
    let allVerified = true;
    for await (const { file, name, bytes, refusal } of filesToVerify(positionals)) {
      const outcome = bytes
        ? await verifyUpload(name, bytes, deps)
        : { ok: false as const, message: refusal ?? "File not found or not readable." };
      if (!outcome.ok) {
        allVerified = false;
        if (values.json)
          ctx.out(JSON.stringify({ file, format: null, verdict: "not-verified", error: outcome.message, checks: [] }));
        else ctx.out(`${file}: NOT A CREDENTIAL TESSERA CAN READ — ${outcome.message}`);
        continue;
      }
      const holderCheck = outcome.presentation?.check;
      // A holder signature that is proven wrong fails the run; one that could not be checked does not.
      if (holderCheck?.status === "failed") allVerified = false;
      if (holderCheck && values.json) ctx.out(JSON.stringify({ file, presentation: outcome.presentation }));
      else if (holderCheck) ctx.out(`${file}: presentation — ${holderCheck.status} holder: ${holderCheck.reason}`);
      for (const result of outcome.results) {
        if (result.verdict !== "verified") allVerified = false;
        if (values.json) {
          ctx.out(
            JSON.stringify({
              file,
              format: result.format,
              verdict: result.verdict,
              title: result.credential.title,
              issuer: result.credential.issuer,
              checks: result.checks,
            }),
          );
          continue;
        }
        ctx.out(`${file}: ${VERDICT_WORDS[result.verdict]} — ${result.credential.title} (${result.formatLabel})`);
        for (const check of result.checks) ctx.out(`  ${check.status.padEnd(7)} ${check.id}: ${check.reason}`);
      }
    }
    return allVerified ? 0 : 1;
  },
};
