import { base64url } from "jose";
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { NotACredentialError } from "./errors";
import { isRecord, records, str, type Json } from "./json";
import type { Env, InterpretedCredential } from "./types";

function malformed(message: string): NotACredentialError {
  return new NotACredentialError("jwt_malformed", message);
}

function decodeHeader(value: unknown): Json {
  try {
    const header = parseSafeJson(base64url.decode(str(value) ?? ""));
    if (isRecord(header)) return header;
  } catch {
    // fall through: reported below in words
  }
  throw malformed("The seal on this document cannot be read: its header is not valid encoded JSON.");
}

/**
 * JWS JSON serialization (general `{payload, signatures[]}` or flattened), as used by the EU's
 * JAdES seal on EDC credentials. With `b64: false` the payload is the credential text itself
 * (never re-serialized: the seal signs those exact bytes); otherwise it is base64url. Exactly one
 * seal is read (docs/formats/edc.md#jades-seal), `alg: none` is refused like any unsigned token.
 */
export async function interpretJwsJson(
  envelope: Json,
  env: Env,
  route: (value: Json, env: Env) => Promise<InterpretedCredential>,
): Promise<InterpretedCredential> {
  const signatures = "signatures" in envelope ? records(envelope.signatures) : [envelope];
  if (signatures.length !== 1) {
    throw new NotACredentialError(
      signatures.length === 0 ? "jwt_malformed" : "unsupported_format",
      signatures.length === 0
        ? "This sealed document has no seal."
        : "This document carries several seals; Tessera reads documents with exactly one.",
    );
  }
  const signature = signatures[0]!;
  const header = decodeHeader(signature.protected);
  const alg = str(header.alg);
  if (!alg) throw malformed("The seal on this document does not say how it was made.");
  if (alg.toLowerCase() === "none")
    throw new NotACredentialError(
      "jwt_alg_none",
      "This document's seal is unsigned (alg: none) and cannot be trusted.",
    );
  if (!str(signature.signature)) throw malformed("This document's seal has no signature, so it cannot be trusted.");
  const raw = envelope.payload;
  if (typeof raw !== "string" || raw === "") throw malformed("This sealed document is empty: it has no content.");
  let inner: unknown;
  try {
    inner = parseSafeJson(header.b64 === false ? raw : base64url.decode(raw));
  } catch {
    throw malformed("The content of this sealed document is not valid JSON.");
  }
  if (!isRecord(inner)) throw malformed("The content of this sealed document is not a JSON object.");
  const result = await route(inner, { ...env, depth: env.depth + 1, envelope: { securing: "jades", alg } });
  return { ...result, payload: inner, signed: { kind: "jades", jws: envelope } };
}
