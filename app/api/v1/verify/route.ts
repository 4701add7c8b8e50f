import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-ip";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/detect";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { publicRoute } from "@/lib/http/route";
import { spendAllowance } from "@/lib/runtime/limits";
import { publicVerifyDeps } from "@/lib/verify-service/deps";
import { verifyUpload } from "@/lib/verify-service/verify-upload";

const bodySchema = z.union([
  z.object({ credential: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ text: z.string().min(1).max(MAX_IMPORT_FILE_BYTES) }).strict(),
  z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
]);

async function readInput(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File))
      throw new DomainError("invalid_input", 'Send the credential as a multipart field named "file".');
    if (file.size > MAX_IMPORT_FILE_BYTES) throw new DomainError("too_large", "The file is larger than 10 MB.");
    return { name: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success)
    throw new DomainError(
      "invalid_input",
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
export const POST = publicRoute(async (request, { db }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_FILE_BYTES + 64 * 1024)
    throw new DomainError("too_large", "The request is larger than 10 MB.");
  const client = clientAddress(request.headers, env.trustedProxyHops);
  await spendAllowance("verify-api", env.verifyApiLimitPerMinute, client, "Too many verifications from your address.");
  const input = await readInput(request);
  const outcome = await verifyUpload(input.name, input.bytes, await publicVerifyDeps(db));
  if (!outcome.ok) throw new DomainError("refused", outcome.message);
  const [first, ...rest] = outcome.results;
  // A presentation's holder signature is a check of its own, next to the credentials' verdicts.
  return Response.json(
    {
      ...first,
      ...(rest.length > 0 ? { contained: rest } : {}),
      ...(outcome.presentation ? { presentation: outcome.presentation } : {}),
    },
    { headers: { "cache-control": "no-store" } },
  );
});
