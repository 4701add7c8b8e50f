/**
 * OB 2.0 hosted assertions (docs/formats/ob2.md#hosted-verification): no signature — authenticity means the
 * issuer's own website still serves the same assertion at its `id`. The refetched copy is the
 * source of truth; it must live on the issuer's origin (or one the issuer's `verification`
 * allows), and HTTP 410 means the issuer revoked it.
 */
import canonicalize from "canonicalize";
import { isFetchRefusedError } from "@/lib/net";
import { failed, passed, unknown } from "../checks";
import { asArray, idOf, isRecord, str, type Json } from "../json";
import { unconfirmedIssuer } from "../proofs/binding";
import { errorDetail, reasonFor } from "../reasons";
import type { Check, VerifyDeps } from "../types";
import { fetchJson, ob2Context, originOf, type Ob2Context } from "./documents";
import { checkRevocationList } from "./revocation";

export interface Ob2Result {
  proof: Check;
  issuer: Check;
  /** Undefined when the issuer publishes no revocation method for this badge. */
  status?: Check;
  /** The verified assertion (the hosted copy, or the signed payload). */
  assertion?: Json;
  ctx?: Ob2Context;
}

const IMPORTANT = ["type", "recipient", "badge", "issuedOn", "expires", "revoked"] as const;

function differingField(local: Json, hosted: Json): string | undefined {
  for (const field of IMPORTANT) {
    const a = field === "badge" ? idOf(local.badge) : local[field];
    const b = field === "badge" ? idOf(hosted.badge) : hosted[field];
    if (canonicalize(a ?? null) !== canonicalize(b ?? null)) return field;
  }
  const vType = (v: unknown) => (isRecord(v) ? str(v.type)?.toLowerCase() : undefined);
  return vType(local.verification) !== vType(hosted.verification) ? "verification" : undefined;
}

/** The hosting origin check — what stops someone hosting a fake assertion for a real issuer. */
export function hostedOriginCheck(assertionId: string, ctx: Ob2Context): Check {
  const verification = isRecord(ctx.issuer.verification) ? ctx.issuer.verification : {};
  const prefixes = asArray(verification.startsWith).filter((p): p is string => typeof p === "string" && p !== "");
  const hosts = asArray(verification.allowedOrigins).filter((h): h is string => typeof h === "string" && h !== "");
  const host = originOf(assertionId) ? new URL(assertionId).host : assertionId;
  let ok: boolean;
  if (prefixes.length > 0) ok = prefixes.some((p) => assertionId.startsWith(p));
  else if (hosts.length > 0) ok = hosts.includes(host);
  else {
    const origin = originOf(ctx.issuerId);
    ok =
      origin !== undefined && originOf(assertionId) === origin && (!ctx.badgeUrl || originOf(ctx.badgeUrl) === origin);
  }
  const details = { issuerId: ctx.issuerId, hostedAt: host, method: "OB 2.0 hosted" };
  const name = ctx.issuerName ?? ctx.issuerId;
  return ok
    ? passed("issuer", `The badge is hosted on ${name}'s own website.`, details)
    : failed("issuer", `The badge is hosted at ${host}, which ${name} does not list as its own.`, details);
}

export async function verifyOb2Hosted(local: Json, deps: VerifyDeps): Promise<Ob2Result> {
  const id = str(local.id);
  if (!id?.startsWith("https://")) {
    return {
      proof: unknown("proof", "The badge has no address at the issuer to check it against."),
      issuer: unconfirmedIssuer(),
    };
  }
  let hosted: Json;
  try {
    hosted = await fetchJson(id, deps);
  } catch (error) {
    if (isFetchRefusedError(error) && error.status === 410) {
      return {
        proof: unknown(
          "proof",
          "The issuer no longer hosts this badge, so this copy cannot be compared with the original.",
          { hostedAt: id },
        ),
        issuer: unconfirmedIssuer(),
        status: failed("status", "The issuer has revoked this badge (its address now reports it as gone).", {
          hostedAt: id,
          httpStatus: "410",
        }),
      };
    }
    return {
      proof: unknown("proof", reasonFor(error, "the badge"), { hostedAt: id, error: errorDetail(error) }),
      issuer: unconfirmedIssuer(),
    };
  }
  if (hosted.id !== id)
    return {
      proof: failed("proof", "The issuer's website returned a different badge than this one.", { hostedAt: id }),
      issuer: unconfirmedIssuer(),
    };
  const diff = differingField(local, hosted);
  if (diff)
    return {
      proof: failed("proof", `This copy differs from the one the issuer hosts (${diff}).`, {
        hostedAt: id,
        differs: diff,
      }),
      issuer: unconfirmedIssuer(),
    };
  const proof = passed("proof", "The issuer's website confirms this badge: this copy matches the one it hosts.", {
    hostedAt: id,
    method: "OB 2.0 hosted",
  });
  let ctx: Ob2Context;
  try {
    ctx = await ob2Context(hosted, deps);
  } catch (error) {
    return {
      proof,
      issuer: unconfirmedIssuer(reasonFor(error, "the issuer")),
      status: unknown("status", "The issuer's profile could not be read, so revocation could not be checked."),
      assertion: hosted,
    };
  }
  const issuer = hostedOriginCheck(id, ctx);
  let status: Check;
  if (hosted.revoked === true)
    status = failed("status", "The issuer has revoked this badge.", { revocationReason: str(hosted.revocationReason) });
  else if (str(ctx.issuer.revocationList))
    status = await checkRevocationList(String(ctx.issuer.revocationList), [id], deps, ctx.issuerId);
  // For hosted badges, continuing to serve the assertion is the revocation method (410 when revoked).
  else
    status = passed("status", "The issuer still hosts this badge and has not revoked it.", {
      hostedAt: id,
      checkedAt: deps.now().toISOString(),
    });
  return { proof, issuer, status, assertion: hosted, ctx };
}
