/**
 * Issuer page links (docs/formats/issuer-pages.md): the public page of a badge on a badge platform
 * is HTML for people; each platform also publishes the badge's Open Badges data at an address of its
 * own. A pasted page link is turned into that address here, before anything is fetched, so the one
 * fetch goes to the data (through lib/net like any link). Pure: URL in, URL out.
 */

export interface IssuerPageLink {
  /** The platform's name, for messages ("Credly did not answer…"). */
  platform: string;
  /** Where the platform publishes the badge's Open Badges data. */
  dataUrl: string;
  /** Some platforms wrap the credential in an envelope of their own: this takes it out. */
  unwrap?: (json: unknown) => unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BADGR_ID = /^[A-Za-z0-9_-]{10,40}$/;
const ACCREDIBLE_ID = /^[A-Za-z0-9-]{4,64}$/;

/** Badgr / Canvas Credentials regions: the public web app's host → its API host. */
const BADGR_API: Record<string, string> = {
  "badgr.com": "api.badgr.io",
  "www.badgr.com": "api.badgr.io",
  "badgr.io": "api.badgr.io",
  "api.badgr.io": "api.badgr.io",
  "badges.parchment.com": "api.badgr.io",
  "eu.badgr.com": "api.eu.badgr.io",
  "api.eu.badgr.io": "api.eu.badgr.io",
  "au.badgr.com": "api.au.badgr.io",
  "api.au.badgr.io": "api.au.badgr.io",
  "ca.badgr.com": "api.ca.badgr.io",
  "api.ca.badgr.io": "api.ca.badgr.io",
};

const segments = (url: URL) => url.pathname.split("/").filter(Boolean);

/** Credly (formerly Acclaim): `/badges/<uuid>[/public_url|/linked_in_profile…]` → its OBI v2 assertion. */
function credly(url: URL): IssuerPageLink | undefined {
  if (!/^(?:www\.)?(?:credly\.com|youracclaim\.com)$/i.test(url.hostname)) return undefined;
  const [first, id] = segments(url);
  if (first !== "badges" || !id || !UUID.test(id)) return undefined;
  return { platform: "Credly", dataUrl: `https://api.credly.com/v1/obi/v2/badge_assertions/${id.toLowerCase()}` };
}

/** Badgr / Canvas Credentials: `/public/assertions/<id>` → the API's JSON, asking for Open Badges 2.0 (`v=2_0`). */
function badgr(url: URL): IssuerPageLink | undefined {
  const api = BADGR_API[url.hostname.toLowerCase()];
  if (!api) return undefined;
  const [first, second, id] = segments(url);
  if (first !== "public" || second !== "assertions" || !id) return undefined;
  const entity = id.replace(/\.json$/i, "");
  if (!BADGR_ID.test(entity)) return undefined;
  return { platform: "Canvas Credentials (Badgr)", dataUrl: `https://${api}/public/assertions/${entity}?v=2_0` };
}

/** Accredible: `credential.net/<id>` → the OBI assertion its API publishes under the same id. */
function accredible(url: URL): IssuerPageLink | undefined {
  if (!/^(?:www\.)?credential\.net$/i.test(url.hostname)) return undefined;
  const [id, extra] = segments(url);
  if (!id || extra !== undefined || !ACCREDIBLE_ID.test(id)) return undefined;
  return { platform: "Accredible", dataUrl: `https://api.accredible.com/v1/obi/badge_assertions/${id}` };
}

/**
 * The DCC's VerifierPlus public link: `/credentials/<id>` → `/api/credentials/<id>`, which answers
 * `{ vp, credential, … }`; the holder's presentation (`vp`) is what is imported.
 */
function verifierPlus(url: URL): IssuerPageLink | undefined {
  if (!/^(?:www\.)?verifierplus\.org$/i.test(url.hostname)) return undefined;
  const [first, id] = segments(url);
  if (first !== "credentials" || !id || !/^[A-Za-z0-9-]{8,64}$/.test(id)) return undefined;
  return {
    platform: "VerifierPlus (Digital Credentials Consortium)",
    dataUrl: `https://${url.hostname.toLowerCase()}/api/credentials/${id}`,
    unwrap: (json) =>
      typeof json === "object" && json !== null && "vp" in json ? (json as { vp: unknown }).vp : undefined,
  };
}

/** The platform data address for a badge page link, or undefined when the link is not one Tessera knows. */
export function issuerPageLink(link: string): IssuerPageLink | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return credly(url) ?? badgr(url) ?? accredible(url) ?? verifierPlus(url);
}
