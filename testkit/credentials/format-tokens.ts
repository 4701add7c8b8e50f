/**
 * Helpers for the colocated format tests: tiny inline credentials only (the real samples in
 * shared/fixtures are never copied into the repository). Tokens are built but not signed for
 * real; interpretation never verifies, and the verifier has its own tests.
 */
import { base64url } from "jose";
import type { InterpretContext } from "@/lib/credentials/formats/types";

export function b64json(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** A compact JWS with the given header and payload and a placeholder signature. */
export function token(header: Record<string, unknown>, payload: unknown, signature = "c2lnbmF0dXJl"): string {
  return `${b64json(header)}.${b64json(payload)}.${signature}`;
}

/** A resolver over an in-memory map of URL → JSON, recording what was asked for. */
export function resolverOf(documents: Record<string, unknown>): InterpretContext["resolve"] & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (url: string) => {
    calls.push(url);
    return documents[url];
  };
  return Object.assign(resolve, { calls });
}

export const VC2 = "https://www.w3.org/ns/credentials/v2";
export const VC1 = "https://www.w3.org/2018/credentials/v1";
export const OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const OB2 = "https://w3id.org/openbadges/v2";
