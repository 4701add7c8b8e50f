/**
 * EU controlled-vocabulary concepts used by the EDC generator. URIs are the ones found in the EC
 * ELM 3 samples (Sample-MC-Annex1); concepts the samples do not carry use local `urn:epass:concept`
 * ids, as the EC samples themselves do for issuer-defined concepts.
 */
import type { IssuerProfile } from "./defaults";

interface Scheme {
  id: string;
}

export function concept(id: string, label: string, scheme: Scheme, notation?: string): Record<string, unknown> {
  return {
    id,
    type: "Concept",
    inScheme: { id: scheme.id, type: "ConceptScheme" },
    ...(notation ? { notation } : {}),
    prefLabel: { en: label },
  };
}

const scheme = (id: string): Scheme => ({ id });
const COUNTRY_SCHEME = scheme("http://publications.europa.eu/resource/authority/country");
const ALPHA3: Record<string, string> = {
  AT: "AUT",
  BE: "BEL",
  DE: "DEU",
  DK: "DNK",
  ES: "ESP",
  FI: "FIN",
  FR: "FRA",
  GB: "GBR",
  IE: "IRL",
  IT: "ITA",
  NL: "NLD",
  PL: "POL",
  PT: "PRT",
  SE: "SWE",
};

export const EDC_CONCEPTS = {
  eqfScheme: scheme("http://data.europa.eu/snb/eqf/25831c2"),
  escoSkills: scheme("http://data.europa.eu/esco/concept-scheme/skills"),
  localScheme: scheme("urn:epass:conceptScheme:tessera-test"),
  modeOnline: {
    id: "http://data.europa.eu/snb/learning-assessment/920fbb3cbe",
    scheme: scheme("http://data.europa.eu/snb/learning-assessment/25831c2"),
  },
  genericProfile: concept(
    "http://data.europa.eu/snb/credential/e34929035b",
    "Generic",
    scheme("http://data.europa.eu/snb/credential/25831c2"),
  ),
  ects: concept(
    "http://data.europa.eu/snb/education-credit/6fcec5c5af",
    "European Credit Transfer System",
    scheme("http://data.europa.eu/snb/education-credit/25831c2"),
  ),
  nonFormal: concept(
    "http://data.europa.eu/snb/learning-setting/e207a81fc7",
    "non-formal learning",
    scheme("http://data.europa.eu/snb/learning-setting/25831c2"),
  ),
  english: concept(
    "http://publications.europa.eu/resource/authority/language/ENG",
    "English",
    scheme("http://publications.europa.eu/resource/authority/language"),
    "language",
  ),
  mandate: concept(
    "http://data.europa.eu/snb/evidence-type/c_18016257",
    "Mandate",
    scheme("http://data.europa.eu/snb/evidence-type/25831c2"),
  ),
  accreditationType: concept(
    "urn:epass:concept:accreditation-programme",
    "Programme accreditation",
    scheme("urn:epass:conceptScheme:tessera-test"),
  ),
};

/** EU country authority URI for an ISO alpha-2 code (the authority table is keyed by alpha-3). */
export function countryUri(countryCode: string): string {
  return `${COUNTRY_SCHEME.id}/${ALPHA3[countryCode.toUpperCase()] ?? countryCode.toUpperCase()}`;
}

export function countryConcept(countryCode: string, country: string): Record<string, unknown> {
  return concept(countryUri(countryCode), country, COUNTRY_SCHEME, "country");
}

/** An ELM Organisation with the legal identifier the seal certificate must match (docs/formats/edc.md#jades-seal). */
export function organisation(profile: IssuerProfile, id: string): Record<string, unknown> {
  const country = countryConcept(profile.countryCode, profile.country);
  // A DID's own parts are fragments; a local urn's are further segments.
  const part = (name: string) => (id.startsWith("did:") ? `${id}#${name}` : `${id}:${name}`);
  return {
    id,
    type: "Organisation",
    legalName: { en: profile.name },
    eIDASIdentifier: {
      id: part("eidas"),
      type: "LegalIdentifier",
      notation: profile.legalIdentifier,
      spatial: country,
    },
    location: {
      id: part("location"),
      type: "Location",
      address: { id: part("address"), type: "Address", countryCode: country },
    },
    homepage: { id: part("homepage"), type: "WebResource", contentURL: profile.url },
    contactPoint: {
      id: part("contact"),
      type: "ContactPoint",
      emailAddress: { id: `mailto:${profile.email}`, type: "Mailbox" },
    },
  };
}
