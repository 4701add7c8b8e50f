import fs from "node:fs/promises";
import { loadDocumentBundle } from "@/lib/net/document-bundle";
import path from "node:path";
import { parseArgs } from "node:util";
import { createGuardedFetch } from "@/lib/net";
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

export const verifyCommand: CliCommand = {
  summary: "Verify credential files; exit 0 only if every one verified",
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
    for (const file of positionals) {
      const bytes = await fs.readFile(file).catch(() => null);
      const outcome = bytes
        ? await verifyUpload(path.basename(file), new Uint8Array(bytes), deps)
        : { ok: false as const, message: "File not found or not readable." };
      if (!outcome.ok) {
        allVerified = false;
        if (values.json)
          ctx.out(JSON.stringify({ file, format: null, verdict: "not-verified", error: outcome.message, checks: [] }));
        else ctx.out(`${file}: NOT A CREDENTIAL TESSERA CAN READ — ${outcome.message}`);
        continue;
      }
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
