import { normalizeDate } from "../normalize/dates";
import type { PartyDraft } from "../normalize/draft";
import type { Endorsement } from "../record";
import { NotACredentialError } from "./errors";
import { idOf, isRecord, list, str, text, type Json } from "./json";
import type { Env } from "./types";

/** Linked documents used while reading one OB 2.0 / 1.x assertion, by URL (InterpretedCredential.linked). */
export type LinkedStore = Record<string, unknown>;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/[^\w.-]/g, "") || "the issuer's site";
  } catch {
    return "the issuer's site";
  }
}

/**
 * The BadgeClass or Issuer an assertion points to: embedded, or fetched through the injected
 * resolver. Without it the badge has no name or issuer, so an unavailable document refuses the
 * import (the holder can retry later) rather than inventing one.
 */
export async function linkedDocument(ref: unknown, what: string, env: Env, store: LinkedStore): Promise<Json> {
  if (isRecord(ref)) return ref;
  const url = str(ref);
  if (!url) throw new NotACredentialError("missing_required_field", `This badge does not include its ${what}.`);
  if (!/^https?:\/\//i.test(url))
    throw new NotACredentialError(
      "invalid_field",
      `This badge's ${what} is not given as a web address, so Tessera cannot find it.`,
    );
  const known = store[url];
  if (isRecord(known)) return known;
  const doc = await fetchOnce(url, env);
  if (!isRecord(doc)) {
    throw new NotACredentialError(
      "linked_document_unavailable",
      `Tessera could not fetch this badge's ${what} from ${hostOf(url)}, so it cannot show what the badge is. The issuer's site may be down; please try again later.`,
    );
  }
  store[url] = doc;
  return doc;
}

async function fetchOnce(url: string, env: Env): Promise<unknown> {
  if (!env.ctx.resolve || env.budget.fetches <= 0) return undefined;
  env.budget.fetches -= 1;
  try {
    return await env.ctx.resolve(url);
  } catch {
    return undefined;
  }
}

export function ob2Party(issuer: Json): PartyDraft {
  return {
    id: idOf(issuer),
    name: text(issuer.name),
    url: str(issuer.url) ?? str(issuer.origin),
    email: str(issuer.email) ?? str(issuer.contact),
    imageRef: idOf(issuer.image),
  };
}

/** Endorsements are extra information: one that cannot be fetched is left out, never fatal. */
export async function ob2Endorsements(refs: unknown[], env: Env, store: LinkedStore): Promise<Endorsement[]> {
  const out: Endorsement[] = [];
  for (const ref of refs.flatMap(list).slice(0, 10)) {
    const doc = isRecord(ref) ? ref : await linkedDocument(ref, "endorsement", env, store).catch(() => undefined);
    if (!doc) continue;
    const claim = isRecord(doc.claim) ? doc.claim : {};
    out.push({
      issuerId: idOf(doc.issuer),
      issuerName: isRecord(doc.issuer) ? text(doc.issuer.name) : undefined,
      comment: text(claim.endorsementComment),
      date: normalizeDate(doc.issuedOn),
    });
  }
  return out;
}
