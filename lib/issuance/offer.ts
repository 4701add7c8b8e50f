/**
 * "Add from an issuer", step one: a pasted credential offer (docs/formats/openid4vci.md) —
 * `openid-credential-offer://` by value or by reference, or the https link an issuer shows — is
 * resolved with the issuer's metadata into what Tessera shows before the holder consents: who
 * offers what, and whether a transaction code is needed. Every fetch goes through lib/net, so an
 * offer naming a private address, plain http, a slow, huge or HTML answer is refused there; the
 * library refuses metadata whose `credential_issuer` is not the offer's. Too many credentials in one
 * offer or one issuer's metadata are refused here.
 */
import type { CredentialOfferObject, IssuerMetadataResult } from "@openid4vc/openid4vci";
import { cleanLine } from "@/lib/credentials/normalize/text";
import type { FetchLike } from "@/lib/net";
import { createIssuanceClient } from "./client";
import { OfferRefusedError, offerRefusal } from "./errors";

/** An offer names a handful of credentials; more is a mistake or an attack on our work. */
export const MAX_OFFERED = 10;
/** Issuers describe their credential types in metadata; hundreds would only cost us parsing. */
export const MAX_CONFIGURATIONS = 100;
const MAX_OFFER_CHARS = 16_000;

const PRE_AUTHORIZED = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
export const SUPPORTED_FORMATS = ["jwt_vc_json", "ldp_vc", "dc+sd-jwt", "vc+sd-jwt"] as const;

export interface OfferPreview {
  credentialIssuer: string;
  issuerName: string;
  /** The issuer's logo address; fetched only through lib/net (https, public addresses) and shown as our own raster. */
  logoUrl?: string;
  credentials: { id: string; name: string; format: string }[];
  /** How the wallet gets its access token: straight from the offer, or after the holder signs in at the issuer. */
  grant: "pre-authorized_code" | "authorization_code";
  /** Set when the issuer requires a transaction code (sent to the holder another way). */
  txCode?: { length?: number; numeric: boolean; description?: string };
}

export interface ResolvedOffer {
  preview: OfferPreview;
  offer: CredentialOfferObject;
  metadata: IssuerMetadataResult;
}

/** The offer inside what was pasted: an `openid-credential-offer://` URI, or an https link carrying its parameters. */
function offerUri(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length > MAX_OFFER_CHARS)
    throw new OfferRefusedError("This offer is far longer than any credential offer, so Tessera did not read it.");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new OfferRefusedError(
      "This is not a credential offer. Paste the link or code the issuer gave you (it starts with openid-credential-offer:// or https://).",
    );
  }
  const params = url.searchParams;
  if (!params.has("credential_offer") && !params.has("credential_offer_uri"))
    throw new OfferRefusedError("This link does not contain a credential offer.");
  return `openid-credential-offer://?${params.toString()}`;
}

function displayName(entries: unknown, fallback: string): string {
  const list = Array.isArray(entries) ? (entries as { name?: unknown; locale?: unknown }[]) : [];
  const english = list.find((d) => typeof d.locale === "string" && /^en\b/i.test(d.locale)) ?? list[0];
  const name = typeof english?.name === "string" ? english.name : fallback;
  return cleanLine(name, 200) || fallback;
}

function logoOf(entries: unknown): string | undefined {
  const list = Array.isArray(entries) ? (entries as { logo?: { uri?: unknown } }[]) : [];
  const uri = list.find((d) => typeof d.logo?.uri === "string")?.logo?.uri;
  return typeof uri === "string" && /^https?:\/\//i.test(uri) ? uri : undefined;
}

export async function resolveOffer(text: string, fetch: FetchLike): Promise<ResolvedOffer> {
  const client = createIssuanceClient(fetch);
  let offer: CredentialOfferObject;
  try {
    offer = await client.resolveCredentialOffer(offerUri(text));
  } catch (error) {
    throw offerRefusal(error, "This credential offer cannot be read: it is not in the form OpenID4VCI describes.");
  }
  const ids = offer.credential_configuration_ids ?? [];
  if (ids.length === 0) throw new OfferRefusedError("This offer does not name any credential.");
  if (ids.length > MAX_OFFERED)
    throw new OfferRefusedError(
      `This offer names ${ids.length} credentials at once; Tessera accepts up to ${MAX_OFFERED} in one offer.`,
    );
  let metadata: IssuerMetadataResult;
  try {
    metadata = await client.resolveIssuerMetadata(offer.credential_issuer);
  } catch (error) {
    throw offerRefusal(
      error,
      "The issuer's description of itself (its OpenID4VCI metadata) is missing, is not for the issuer named in the offer, or cannot be read.",
    );
  }
  const configurations = metadata.credentialIssuer.credential_configurations_supported ?? {};
  if (Object.keys(configurations).length > MAX_CONFIGURATIONS)
    throw new OfferRefusedError(
      `The issuer describes more than ${MAX_CONFIGURATIONS} kinds of credential, far more than any real issuer; Tessera did not go on.`,
    );
  const credentials = ids.map((id) => {
    const configuration = Object.hasOwn(configurations, id) ? configurations[id] : undefined;
    if (!configuration) throw new OfferRefusedError("The offer names a credential the issuer does not describe.");
    const format = String(configuration.format);
    if (!(SUPPORTED_FORMATS as readonly string[]).includes(format))
      throw new OfferRefusedError(
        `The issuer offers this credential in a format Tessera cannot keep (${cleanLine(format, 40)}).`,
      );
    const display =
      (configuration as { display?: unknown; credential_metadata?: { display?: unknown } }).display ??
      (configuration as { credential_metadata?: { display?: unknown } }).credential_metadata?.display;
    return { id, name: displayName(display, "A credential"), format };
  });
  const preAuthorized = offer.grants?.[PRE_AUTHORIZED] as
    { tx_code?: { length?: number; input_mode?: string; description?: string } } | undefined;
  if (!preAuthorized && !offer.grants?.authorization_code)
    throw new OfferRefusedError(
      "This offer does not say how to receive the credential (it names no grant Tessera knows). Ask the issuer for a new offer.",
    );
  const tx = preAuthorized?.tx_code;
  return {
    offer,
    metadata,
    preview: {
      credentialIssuer: offer.credential_issuer,
      issuerName: displayName(metadata.credentialIssuer.display, new URL(offer.credential_issuer).host),
      ...(logoOf(metadata.credentialIssuer.display) ? { logoUrl: logoOf(metadata.credentialIssuer.display) } : {}),
      credentials,
      grant: preAuthorized ? "pre-authorized_code" : "authorization_code",
      ...(tx
        ? {
            txCode: {
              ...(typeof tx.length === "number" ? { length: tx.length } : {}),
              numeric: tx.input_mode !== "text",
              ...(tx.description ? { description: cleanLine(String(tx.description), 300) } : {}),
            },
          }
        : {}),
    },
  };
}
