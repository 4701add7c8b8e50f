/** Auth.js error codes → what a person can do about them. Unknown codes get the generic line. */
const messages: Record<string, string> = {
  Verification:
    "This sign-in link has expired or was already used. Links work once, for 10 minutes. Request a new one below.",
  AccessDenied:
    "That sign-in was not allowed. If you used a passkey, add it from Settings after signing in with an email link first.",
  WebAuthnVerificationError: "Your passkey could not be checked. Try again, or sign in with an email link.",
  Configuration: "Sign-in is not available right now. Please try again in a few minutes.",
};

export const GENERIC_SIGN_IN_ERROR = "Sign-in did not complete. Please try again.";

export function signInErrorMessage(code: string): string {
  return Object.hasOwn(messages, code) ? messages[code]! : GENERIC_SIGN_IN_ERROR;
}
