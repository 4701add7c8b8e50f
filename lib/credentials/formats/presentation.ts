import type { RecordDraft } from "../normalize/draft";
import { interpretChildren } from "./children";
import { NotACredentialError } from "./errors";
import { finish } from "./finish";
import { idOf, isRecord, list, text, type Json } from "./json";
import type { Env, InterpretedCredential } from "./types";
import { securingOf, vcVersion } from "./vc-common";

/**
 * A VerifiablePresentation is only a wrapper: it proves who handed the credentials over, not
 * what they say. It yields an InterpretedCredential with `presentation: true`, a minimal record
 * ("Presentation of 2 credentials", issuer = the holder, kind by the envelope rule) and the
 * contained credentials as children. The importer stores the children, never the wrapper.
 *
 * Contained credentials may be objects, EnvelopedVerifiableCredentials (data: URLs holding a
 * VC-JWT / vc-ld+jwt / vc+sd-jwt), or bare JWT strings. Bare strings are VC 1.1 (VP-JWT) usage;
 * VCDM 2.0 forbids them, so in a 2.0 presentation they are skipped with a reason.
 */
export async function interpretPresentation(value: Json, env: Env, fromJwt = false): Promise<InterpretedCredential> {
  const version = vcVersion(value) ?? (fromJwt ? "1.1" : undefined);
  if (!version) {
    throw new NotACredentialError(
      "unsupported_format",
      "This presentation lacks the W3C Verifiable Credentials context, so Tessera cannot read it.",
    );
  }
  const entries = list(value.verifiableCredential);
  if (entries.length === 0)
    throw new NotACredentialError("empty_presentation", "This presentation contains no credentials to import.");
  const kept = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => !(version === "2.0" && typeof entry === "string"));
  const { children, skipped } = await interpretChildren(
    kept.map((k) => k.entry),
    env,
  );
  for (const s of skipped) s.index = kept[s.index]?.index ?? s.index;
  entries.forEach((entry, index) => {
    if (version === "2.0" && typeof entry === "string") {
      skipped.push({
        index,
        reason: "invalid_field",
        message:
          "A credential in this presentation is a bare token; VC 2.0 presentations must wrap it as an enveloped credential.",
      });
    }
  });
  if (children.length === 0) {
    const only = skipped.length === 1 ? skipped[0] : undefined;
    if (only) throw new NotACredentialError(only.reason, only.message);
    throw new NotACredentialError(
      "empty_presentation",
      "None of the credentials in this presentation could be read, so there is nothing to import.",
    );
  }
  const holder = value.holder;
  const n = children.length;
  const draft: RecordDraft = {
    format: "vc",
    formatVersion: version,
    formatName: `W3C Verifiable Presentation ${version}`,
    ...securingOf(value, env),
    container: env.container,
    title: `Presentation of ${n} credential${n === 1 ? "" : "s"}`,
    titleFallback: "Presentation",
    issuer: {
      id: idOf(holder),
      name: (isRecord(holder) ? text(holder.name) : undefined) ?? (idOf(holder) ? undefined : "Holder not named"),
    },
    structure: "presentation",
  };
  return {
    record: finish(draft, env),
    payload: value,
    children,
    presentation: true,
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}
