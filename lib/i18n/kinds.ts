import type { CredentialKind } from "@/lib/credentials/record";

/** The catalog key of each kind of credential (the EU typology's words in each language). */
export const KIND_KEYS = {
  badge: "kinds.badge",
  "micro-credential": "kinds.microCredential",
  "nano-degree": "kinds.nanoDegree",
} as const satisfies Record<CredentialKind, string>;
