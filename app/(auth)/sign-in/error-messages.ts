/** Auth.js error codes whose catalog line says what a person can do; any other code gets the generic line. */
const KNOWN = {
  Verification: "auth.errors.Verification",
  AccessDenied: "auth.errors.AccessDenied",
  WebAuthnVerificationError: "auth.errors.WebAuthnVerificationError",
  Configuration: "auth.errors.Configuration",
} as const;

export type SignInErrorKey = (typeof KNOWN)[keyof typeof KNOWN] | "auth.errors.generic";

export function signInErrorKey(code: string): SignInErrorKey {
  return Object.hasOwn(KNOWN, code) ? KNOWN[code as keyof typeof KNOWN] : "auth.errors.generic";
}
