// Minimal typings for the untyped Digital Bazaar signing/verification stack used by the test issuer
// and its reference checks. Widen here rather than redeclaring these modules elsewhere.

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
    verificationMethod?: string;
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: { name: string };
}
declare module "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite" {
  export const cryptosuite: { name: string };
}
declare module "@digitalbazaar/ed25519-signature-2020" {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: Date | string });
    verificationMethod?: string;
  }
}

declare module "jsonld-signatures" {
  interface ProofPurposeClass {
    new (options?: Record<string, unknown>): object;
  }
  interface JsonLdSignatures {
    sign(
      document: object,
      options: { suite: unknown; purpose: object; documentLoader: unknown },
    ): Promise<Record<string, unknown>>;
    verify(
      document: object,
      options: { suite: unknown; purpose: object; documentLoader: unknown },
    ): Promise<{ verified: boolean; error?: Error; results?: unknown[] }>;
    purposes: { AssertionProofPurpose: ProofPurposeClass; AuthenticationProofPurpose: ProofPurposeClass };
  }
  const jsigs: JsonLdSignatures;
  export default jsigs;
}

declare module "@digitalbazaar/vc" {
  export interface VerifyCredentialResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: Array<{ verified: boolean; error?: Error }>;
    statusResult?: {
      verified: boolean;
      error?: Error;
      results?: Array<{ verified: boolean; status?: boolean; credentialStatus?: unknown }>;
    };
  }
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    now?: Date | string;
    purpose?: object;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    now?: Date | string;
    checkStatus?: (options: Record<string, unknown>) => Promise<unknown>;
  }): Promise<VerifyCredentialResult>;
  export function verify(options: {
    presentation: object;
    suite: unknown;
    documentLoader: unknown;
    challenge?: string;
    domain?: string;
    unsignedPresentation?: boolean;
    checkStatus?: (options: Record<string, unknown>) => Promise<unknown>;
  }): Promise<{
    verified: boolean;
    error?: Error & { errors?: Error[] };
    presentationResult?: { verified: boolean };
    credentialResults?: Array<{ verified: boolean }>;
  }>;
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    documentLoader: unknown;
    challenge: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export function checkStatus(options: {
    credential: object;
    documentLoader: unknown;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: Error; results?: Array<{ verified: boolean; status: boolean }> }>;
}
