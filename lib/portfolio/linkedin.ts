/**
 * LinkedIn's "Add to profile" link for a certification (docs/product-notes.md request 6). The fields are
 * the documented add-to-profile parameters; the credential URL is the share page where the
 * credential is checked live, never the raw credential file (LCW #664, #201). Month and year
 * are taken in UTC from the credential's own dates, and the expiry only when it has one (LCW #365).
 */
export interface LinkedInCertification {
  name: string;
  organizationName: string;
  issuedAt: Date | null;
  validUntil: Date | null;
  /** The share page of this credential: https (or http in development) on our own origin. */
  certUrl: string;
  /** The issuer's identifier of this credential, shown as "Credential ID" on LinkedIn. */
  certId?: string | null;
}

const ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";
const MAX_FIELD = 250;

function validDate(date: Date | null): date is Date {
  return date !== null && !Number.isNaN(date.getTime());
}

export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const url = new URL(ADD_TO_PROFILE);
  const set = (key: string, value: string | number) => url.searchParams.set(key, String(value));
  set("startTask", "CERTIFICATION_NAME");
  set("name", cert.name.slice(0, MAX_FIELD));
  set("organizationName", cert.organizationName.slice(0, MAX_FIELD));
  if (validDate(cert.issuedAt)) {
    set("issueYear", cert.issuedAt.getUTCFullYear());
    set("issueMonth", cert.issuedAt.getUTCMonth() + 1);
  }
  if (validDate(cert.validUntil)) {
    set("expirationYear", cert.validUntil.getUTCFullYear());
    set("expirationMonth", cert.validUntil.getUTCMonth() + 1);
  }
  set("certUrl", cert.certUrl);
  // A credential id longer than LinkedIn's field is better left out than cut into a wrong id.
  if (cert.certId && cert.certId.length <= MAX_FIELD) set("certId", cert.certId);
  return url.toString();
}
