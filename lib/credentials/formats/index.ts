/**
 * Interpretation: from parsed input (JSON value, compact JWS text, or an XML tree) to a
 * NormalizedCredential plus what verification needs (the exact payload and signed bytes). Pure:
 * no network, file system, database, environment or Next.js; the only I/O is `ctx.resolve`, which
 * the app backs with its guarded fetcher. Nothing is verified here, but unsigned JWTs
 * (`alg: none`) are refused outright.
 */
import { parseSafeJson } from "@/lib/hostile-input/safe-json";
import { interpretClr } from "./clr";
import { routeJson, type Route } from "./detect";
import { interpretEdciXml } from "./edci-xml";
import { interpretEdc } from "./edc-jsonld";
import { NotACredentialError } from "./errors";
import { contextsOf, hasType, isRecord, type Json } from "./json";
import { decodeCompactJws, decodeDataUrl, decodeSdJwt, looksLikeCompactJws } from "./jws";
import { interpretJwsJson } from "./jws-json";
import { interpretOb2 } from "./ob2";
import { interpretOb2Legacy } from "./ob2-legacy";
import { interpretOb3 } from "./ob3";
import { interpretPresentation } from "./presentation";
import { interpretSdJwtVc } from "./sd-jwt-vc";
import type { Env, InterpretContext, InterpretedCredential, InterpretInput, SignedForm } from "./types";
import { interpretVc } from "./vc";
import { credentialFromJwt, presentationFromJwt } from "./vc-jwt";

export type { InterpretContext, InterpretedCredential, InterpretInput } from "./types";
export { NotACredentialError } from "./errors";

/** Fetches per import (BadgeClass, Issuer, a few endorsements) and credentials per import (CLR/VP contents). */
const BUDGET = { fetches: 12, credentials: 200 } as const;

export async function interpretCredential(
  input: InterpretInput,
  ctx: InterpretContext,
): Promise<InterpretedCredential> {
  const env: Env = { ctx, container: ctx.container, depth: 0, budget: { ...BUDGET }, nested };
  switch (input.kind) {
    case "json":
      // Some services answer with a JSON string holding a compact JWS; read it as the token it is.
      if (typeof input.value === "string" && looksLikeCompactJws(input.value.split("~")[0] ?? ""))
        return interpretToken(input.value, env);
      return interpretJson(input.value, env);
    case "jws":
      return interpretToken(input.token, env);
    case "xml":
      return interpretEdciXml(input, env);
  }
}

const ROUTES: Record<Exclude<Route, "jws-json">, (value: Json, env: Env) => Promise<InterpretedCredential>> = {
  ob2: interpretOb2,
  "ob2-legacy": interpretOb2Legacy,
  ob3: interpretOb3,
  clr: interpretClr,
  vc: interpretVc,
  vp: (value, env) => interpretPresentation(value, env),
  edc: interpretEdc,
};

async function interpretJson(value: unknown, env: Env): Promise<InterpretedCredential> {
  const route = routeJson(value);
  if (route === "jws-json") return interpretJwsJson(value as Json, env, interpretJson);
  return ROUTES[route](value as Json, env);
}

const OB2_IN_TOKEN = /openbadges/i;

/**
 * Compact JWS (docs/formats/detection.md#compact-jws): a `vp` claim is a VP-JWT; a `vc` claim is a VC 1.1
 * VC-JWT; a payload with @context + VerifiableCredential is VC-JOSE (2.0); an OB 2.0/1.x assertion
 * payload is an OB 2.0 signed badge. An SD-JWT is read through its disclosures: with a `vct` and no
 * W3C shape it is an SD-JWT VC (docs/formats/sd-jwt-vc.md), otherwise a W3C credential inside.
 */
async function interpretToken(token: string, env: Env): Promise<InterpretedCredential> {
  const sd = token.includes("~");
  const { jws, claims } = sd ? decodeSdJwt(token) : { jws: decodeCompactJws(token), claims: undefined };
  const payload = claims ?? jws.payload;
  const signed: SignedForm = sd ? { kind: "sd-jwt", token: token.trim() } : { kind: "compact-jws", token: jws.token };
  const inner = { ...env, depth: env.depth + 1 };
  const vp = presentationFromJwt(payload);
  const securing = sd ? "sd-jwt" : "vc-jwt";
  let result: InterpretedCredential;
  if (sd && typeof payload.vct === "string" && !isRecord(payload.vc) && payload["@context"] === undefined) {
    result = await interpretSdJwtVc(payload, inner, jws.alg);
  } else if (vp) {
    result = await interpretPresentation(vp, { ...inner, envelope: { securing: "vc-jwt", alg: jws.alg } }, true);
  } else if (isRecord(payload.vc) || hasType(payload, "VerifiableCredential", "VerifiablePresentation")) {
    const credential = credentialFromJwt(payload);
    const route = routeJson(credential);
    if (route === "jws-json" || route === "ob2" || route === "ob2-legacy") throw notInToken();
    result = await ROUTES[route](credential, { ...inner, envelope: { securing, alg: jws.alg } });
  } else if (contextsOf(payload).some((c) => OB2_IN_TOKEN.test(c)) || payload.recipient !== undefined) {
    const route = routeJson(payload);
    if (route !== "ob2" && route !== "ob2-legacy") throw notInToken();
    result = await ROUTES[route](payload, { ...inner, envelope: { securing: "jws", alg: jws.alg } });
  } else {
    throw notInToken();
  }
  return { ...result, payload: jws.payload, signed };
}

function notInToken(): NotACredentialError {
  return new NotACredentialError(
    "unsupported_format",
    "This token is signed, but what it contains is not a credential Tessera recognises.",
  );
}

/** A credential inside a CLR or presentation: an object, a JWT string, or an EnvelopedVerifiableCredential. */
async function nested(entry: unknown, env: Env): Promise<InterpretedCredential> {
  if (typeof entry === "string") {
    if (!looksLikeCompactJws(entry.split("~")[0] ?? ""))
      throw new NotACredentialError("invalid_field", "A credential inside this one is plain text, not a signed token.");
    return interpretToken(entry, { ...env, container: "jwt" });
  }
  if (isRecord(entry) && hasType(entry, "EnvelopedVerifiableCredential")) {
    const data = typeof entry.id === "string" ? decodeDataUrl(entry.id) : undefined;
    if (!data)
      throw new NotACredentialError(
        "invalid_field",
        "An enveloped credential inside this one does not carry its content as a data: URL.",
      );
    if (/jwt$/.test(data.mediaType)) return interpretToken(data.text, { ...env, container: "jwt" });
    if (/json$/.test(data.mediaType)) return interpretJson(safeJson(data.text), env);
    throw new NotACredentialError(
      "unsupported_format",
      "An enveloped credential inside this one uses a media type Tessera does not read.",
    );
  }
  return interpretJson(entry, env);
}

function safeJson(text: string): unknown {
  try {
    return parseSafeJson(text);
  } catch {
    throw new NotACredentialError("invalid_field", "An enveloped credential inside this one is not valid JSON.");
  }
}
