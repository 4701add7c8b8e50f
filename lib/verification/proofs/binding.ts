/** The issuer check for signed credentials: is the signing key controlled by the named issuer? */
import { failed, passed, unknown } from "../checks";
import type { ResolvedKey } from "../keys/resolved";
import type { Check } from "../types";

export function unconfirmedIssuer(reason = "Tessera could not confirm who signed this credential."): Check {
  return unknown("issuer", reason);
}

const METHOD_WORDS: Record<ResolvedKey["method"], string> = {
  "did:key": "did:key",
  "did:web": "did:web",
  "jwt-vc-issuer": "JWT VC issuer metadata",
  "issuer-url": "a key published at the issuer's web address",
  x5c: "X.509 certificate",
};

export function bindingCheck(
  key: Pick<ResolvedKey, "keyId" | "controller" | "assertion" | "method" | "ownerUnproven" | "facts">,
  issuer: { id?: string; name?: string },
): Check {
  const details = {
    issuerId: issuer.id,
    keyId: key.keyId,
    keyController: key.controller,
    method: METHOD_WORDS[key.method],
    ...key.facts,
  };
  if (key.ownerUnproven) return unknown("issuer", key.ownerUnproven, details);
  if (!issuer.id)
    return unknown("issuer", "The credential does not name its issuer in a way Tessera can check.", details);
  if (key.controller !== issuer.id) {
    return failed(
      "issuer",
      "The credential was signed with a key that belongs to someone other than its named issuer.",
      details,
    );
  }
  if (!key.assertion)
    return failed("issuer", "The issuer has not authorised the signing key to issue credentials.", details);
  return passed(
    "issuer",
    `The signing key belongs to the named issuer${issuer.name ? `, ${issuer.name}` : ""}.`,
    details,
  );
}

/** The binding is only meaningful for a valid signature; a key that is not the issuer's is reported either way. */
export function issuerFor(proof: Check, binding: Check): Check {
  return proof.status === "passed" || binding.status === "failed" ? binding : unconfirmedIssuer();
}
