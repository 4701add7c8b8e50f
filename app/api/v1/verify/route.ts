import { z } from "zod";
import { getDb } from "@/db";
import { knownIssuers } from "@/db/schema";
import { clientAddress } from "@/lib/auth/client-ip";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/detect";
import { serverFetch } from "@/lib/import/deps";
import { processProofCache } from "@/lib/credential-store/verify-stored";
import { env } from "@/lib/env";
import { consumeVerifyAllowance } from "@/lib/verify-service/api-limit";
import { configuredTrustAnchors } from "@/lib/verify-service/trust-anchors";
import { verifyUpload } from "@/lib/verify-service/verify-upload";

const bodySchema = z.union([
  z.object({ credential: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ text: z.string().min(1).max(MAX_IMPORT_FILE_BYTES) }).strict(),
  z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
]);

function problem(status: number, message: string, headers: Record<string, string> = {}) {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store", ...headers } });
}

async function readInput(request: Request): Promise<{ name: string; bytes: Uint8Array } | Response> {
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return problem(400, 'Send the credential as a multipart field named "file".');
    if (file.size > MAX_IMPORT_FILE_BYTES) return problem(413, "The file is larger than 10 MB.");
    return { name: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success)
    return problem(
      400,
      'Send JSON with one of: {"credential": {…}}, {"text": "…JSON, JWT or link…"}, {"url": "https://…"}.',
    );
  const data = parsed.data;
  const text = "credential" in data ? JSON.stringify(data.credential) : "text" in data ? data.text : data.url;
  return { name: "input", bytes: new TextEncoder().encode(text) };
}

/**
 * Public verification API: POST a credential (JSON body or multipart file), get the verdict and
 * each check. No account, nothing stored; rate limited per client and capped at 10 MB.
 */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_FILE_BYTES + 64 * 1024) return problem(413, "The request is larger than 10 MB.");
  const wait = await consumeVerifyAllowance(clientAddress(request.headers, env.trustedProxyHops));
  if (wait > 0)
    return problem(429, `Too many verifications from your address. Try again in ${wait} seconds.`, {
      "retry-after": String(wait),
    });
  const input = await readInput(request);
  if (input instanceof Response) return input;
  const registry = await getDb().select({ id: knownIssuers.id, name: knownIssuers.name }).from(knownIssuers);
  const outcome = await verifyUpload(input.name, input.bytes, {
    fetch: serverFetch(),
    knownIssuers: registry,
    proofCache: processProofCache(),
    ...configuredTrustAnchors(),
  });
  if (!outcome.ok) return problem(422, outcome.message);
  const [first, ...rest] = outcome.results;
  return Response.json(
    { ...first, ...(rest.length > 0 ? { contained: rest } : {}) },
    { headers: { "cache-control": "no-store" } },
  );
}
