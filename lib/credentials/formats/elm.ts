/** Readers for European Learning Model (ELM 3) nodes: concepts, notes, organisations, people. */
import type { PartyDraft } from "../normalize/draft";
import type { RecipientIdentifier } from "../record";
import { firstRecord, idOf, isRecord, list, records, str, text, type Json } from "./json";

/** A SKOS Concept's label (prefLabel language map), or its notation. */
export function conceptLabel(concept: unknown): string | undefined {
  const c = firstRecord(concept);
  return c ? (text(c.prefLabel) ?? text(c.title) ?? text(c.definition)) : undefined;
}

/** ELM Note ({noteLiteral: {"en": …}}) or plain text. */
export function noteText(note: unknown): string | undefined {
  const n = firstRecord(note);
  return n ? (text(n.noteLiteral) ?? text(n.title)) : text(note);
}

/** Last path segment of an EU authority URI: ".../country/IRL" → "IRL", ".../language/ENG" → "ENG". */
export function authorityCode(uri: string | undefined): string | undefined {
  const code = uri ? /\/([A-Za-z]{2,3}(?:_[A-Z0-9]+)?)$/.exec(uri)?.[1] : undefined;
  return code?.toUpperCase();
}

export function countryOf(locations: unknown): string | undefined {
  for (const location of records(locations)) {
    for (const address of records(location.address)) {
      const cc = firstRecord(address.countryCode);
      const code = authorityCode(idOf(cc)) ?? conceptLabel(cc);
      if (code) return code;
    }
  }
  return undefined;
}

function mailOf(contactPoints: unknown): string | undefined {
  for (const cp of records(contactPoints)) {
    for (const mail of list(cp.emailAddress)) {
      const id = idOf(mail);
      if (id) return id.replace(/^mailto:/i, "");
    }
  }
  return undefined;
}

/** ELM Organisation → Party. `eIDASIdentifier` is the legal identifier the seal certificate must match. */
export function organisationParty(org: unknown): PartyDraft {
  if (!isRecord(org)) return { id: str(org) };
  const homepage = firstRecord(org.homepage);
  const legal = firstRecord(org.eIDASIdentifier) ?? firstRecord(org.registration) ?? firstRecord(org.vatIdentifier);
  return {
    id: idOf(org),
    name: text(org.legalName) ?? text(org.prefLabel) ?? text(org.altLabel),
    url: str(homepage?.contentURL) ?? idOf(homepage?.contentURL),
    email: mailOf(org.contactPoint),
    country: countryOf(org.location),
    legalIdentifier: str(legal?.notation),
  };
}

/**
 * The learner as ELM describes them. Date of birth is deliberately not copied: the record has no
 * place for it, and Tessera never needs to show it (docs/formats/edc.md#personal-data).
 */
export function personRecipient(person: Json): { name?: string; identifiers: RecipientIdentifier[] } {
  const given = [text(person.givenName) ?? text(person.givenNames), text(person.familyName)].filter(Boolean).join(" ");
  const email = mailOf(person.contactPoint);
  const nationalId = str(firstRecord(person.nationalID)?.notation);
  const id = str(person.id);
  const identifiers: RecipientIdentifier[] = [
    ...(email ? [{ type: "email" as const, value: email }] : []),
    ...(nationalId ? [{ type: "national-id" as const, value: nationalId }] : []),
    // urn:epass:person:1 is a node label inside this document, not an identity.
    ...(id && !/^urn:epass:/i.test(id)
      ? [{ type: /^did:/i.test(id) ? ("did" as const) : ("other" as const), value: id }]
      : []),
  ];
  return { name: text(person.fullName) ?? (given || undefined), identifiers };
}
