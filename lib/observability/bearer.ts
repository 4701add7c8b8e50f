import crypto from "node:crypto";

/** Whether an Authorization header carries exactly this bearer token, compared in constant time. */
export function hasBearerToken(authorization: string | null, token: string): boolean {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(authorization ?? "");
  if (!match) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]!), digest(token));
}
