/**
 * EU Digital Credentials sealed with JAdES (docs/formats/edc.md#jades-seal): JWS JSON (general or
 * flattened) over the unencoded credential text, key from the seal certificate `x5c[0]`.
 * What is checked: the seal signature, `x5t#S256` against the certificate, and that the
 * certificate's organisation identifier is the credential issuer's. What is NOT checked: the
 * certificate chain and the EU trusted lists — so the issuer stays "unknown" unless Tessera's
 * registry pins this seal certificate (KnownIssuer.id = the certificate's SHA-256 thumbprint).
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { flattenedVerify, generalVerify, type FlattenedJWSInput, type GeneralJWSInput } from "jose";
import { createHash, createPublicKey } from "node:crypto";
import { failed, passed, unknown } from "../checks";
import { decodeJsonSegment, isRecord, str, type Json } from "../json";
import { LIMITS } from "../limits";
import { isCacheable, proofCacheKey, sha256Hex } from "../proof-cache";
import { errorDetail } from "../reasons";
import type { Check, ProofOutcome, VerifyDeps } from "../types";
import { unconfirmedIssuer } from "./binding";
import { disallowedAlgReason } from "./jws";

export interface JadesResult {
  outcome: ProofOutcome;
  fromCache: boolean;
  credential?: Json;
}

const ALGS = ["RS256", "ES256"];
const NOT_CHECKED = { certificateChain: "not checked", trustedList: "EU trusted lists not checked" };

interface Seal {
  signature: Json;
  header: Json;
  payload: string;
  flattened: boolean;
}

function readSeal(jws: unknown): Seal | string {
  if (!isRecord(jws) || typeof jws.payload !== "string") return "The seal is malformed.";
  if (jws.payload.length > LIMITS.maxTokenChars) return "The sealed credential is too large to check safely.";
  const flattened = !Array.isArray(jws.signatures);
  const signatures = flattened ? [jws] : (jws.signatures as unknown[]);
  const [signature] = signatures;
  if (signatures.length !== 1 || !isRecord(signature) || typeof signature.protected !== "string")
    return "The credential must carry exactly one seal.";
  let header: unknown;
  try {
    header = decodeJsonSegment(signature.protected);
  } catch {
    return "The seal's header is malformed.";
  }
  if (!isRecord(header)) return "The seal's header is malformed.";
  return { signature, header, payload: jws.payload, flattened };
}

/**
 * ETSI EN 319 412-1 §5.1.4: a seal's organizationIdentifier is scheme (VAT, NTR, PSD, LEI) + country
 * + "-" + the registration number ("NTREE-17207834"); an EDC eIDASIdentifier.notation often holds only
 * the number ("17207834"). Equal numbers are no contradiction (the issuer stays unconfirmed, not failed).
 */
function registrationNumber(id: string): string {
  return /^(?:VAT|NTR|PSD|LEI)[A-Z]{2}-(.+)$/.exec(id)?.[1] ?? id;
}

function sealIssuer(cert: x509.X509Certificate, credential: Json, thumbprint: string, deps: VerifyDeps): Check {
  const orgId = cert.subjectName.getField("2.5.4.97")[0];
  const issuer = isRecord(credential.issuer) ? credential.issuer : {};
  const eidas = isRecord(issuer.eIDASIdentifier) ? str(issuer.eIDASIdentifier.notation) : undefined;
  const legalId = eidas ?? str(issuer.legalIdentifier);
  const details = {
    certificateSubject: cert.subject,
    organizationIdentifier: orgId,
    certificateThumbprint: thumbprint,
    issuerLegalIdentifier: legalId,
    ...NOT_CHECKED,
  };
  if (orgId && legalId && orgId !== legalId && registrationNumber(orgId) !== registrationNumber(legalId))
    return failed("issuer", "The seal belongs to a different organisation than the credential's issuer.", details);
  const hex = Buffer.from(thumbprint, "base64url").toString("hex");
  const known = deps.knownIssuers?.find((k) => k.id === thumbprint || k.id.toLowerCase() === hex);
  if (known)
    return passed("issuer", `The seal certificate is registered to ${known.name} in Tessera's issuer registry.`, {
      ...details,
      registry: "known issuer",
      registryName: known.name,
    });
  return unknown(
    "issuer",
    "The seal's certificate was not checked against the EU trusted lists, so the issuing organisation is not confirmed.",
    details,
  );
}

export async function verifyJades(jws: unknown, deps: VerifyDeps): Promise<JadesResult> {
  const none = (proof: Check, credential?: Json): JadesResult => ({
    outcome: { proof, issuer: unconfirmedIssuer() },
    fromCache: false,
    credential,
  });
  const seal = readSeal(jws);
  if (typeof seal === "string") return none(unknown("proof", seal));
  const alg = seal.header.alg;
  if (typeof alg !== "string" || !ALGS.includes(alg)) return none(failed("proof", disallowedAlgReason(alg)));
  let credential: Json | undefined;
  try {
    const parsed: unknown = JSON.parse(seal.payload);
    credential = isRecord(parsed) ? parsed : undefined;
  } catch {
    credential = undefined;
  }
  if (!credential) return none(unknown("proof", "The sealed content is not a credential Tessera can read."));
  const leaf = Array.isArray(seal.header.x5c) ? seal.header.x5c[0] : undefined;
  let cert: x509.X509Certificate;
  try {
    if (typeof leaf !== "string") throw new Error("no x5c");
    cert = new x509.X509Certificate(Buffer.from(leaf, "base64"));
  } catch (error) {
    return none(
      unknown("proof", "The seal's certificate is missing or unreadable, so the seal cannot be checked.", {
        error: errorDetail(error),
      }),
      credential,
    );
  }
  const der = Buffer.from(cert.rawData);
  const thumbprint = createHash("sha256").update(der).digest("base64url");
  const details = {
    method: `JAdES seal ${alg}`,
    sigT: str(seal.header.sigT),
    certificateNotAfter: cert.notAfter.toISOString(),
    ...NOT_CHECKED,
  };
  if (seal.header["x5t#S256"] !== undefined && seal.header["x5t#S256"] !== thumbprint) {
    return none(
      failed("proof", "The seal names a different certificate than the one it carries.", details),
      credential,
    );
  }
  const issuer = sealIssuer(cert, credential, thumbprint, deps);
  const sig = seal.signature;
  const cacheKey = proofCacheKey(
    `jades:${alg}`,
    sha256Hex(`${String(sig.protected)}.${seal.payload}.${String(sig.signature)}`),
    thumbprint,
    "",
  );
  const hit = deps.proofCache?.get(cacheKey);
  if (hit)
    return {
      outcome: {
        proof: hit.proof,
        issuer: hit.proof.status === "passed" || issuer.status === "failed" ? issuer : unconfirmedIssuer(),
      },
      fromCache: true,
      credential,
    };
  const key = createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: "der", type: "spki" });
  const options = { crit: { sigT: true, adoTst: true }, algorithms: [alg] };
  let proof: Check;
  try {
    if (seal.flattened) await flattenedVerify(jws as FlattenedJWSInput, key, options);
    else await generalVerify(jws as GeneralJWSInput, key, options);
    proof = passed(
      "proof",
      "The electronic seal is valid: the credential has not been changed since it was sealed.",
      details,
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    proof =
      code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
        ? failed(
            "proof",
            "The electronic seal does not match: the credential was changed after it was sealed.",
            details,
          )
        : unknown("proof", "The seal uses options Tessera cannot check, so it could not be verified.", {
            ...details,
            error: errorDetail(error),
          });
  }
  const outcome = {
    proof,
    issuer: proof.status === "passed" || issuer.status === "failed" ? issuer : unconfirmedIssuer(),
  };
  if (isCacheable(outcome)) deps.proofCache?.set(cacheKey, outcome);
  return { outcome, fromCache: false, credential };
}
