import type { CredentialContainer, NormalizedCredential, RelatedAchievement } from "../record";
import type { NotACredentialReason } from "./errors";

export type InterpretInput =
  | { kind: "json"; value: unknown } // already safely parsed JSON
  | { kind: "jws"; token: string } // compact JWS text (also an SD-JWT: "<jws>~<disclosure>~…")
  | { kind: "xml"; root: string; document: unknown; text: string }; // parsed safely elsewhere (fast-xml-parser object, attributes "@_", prefixes kept)

export interface InterpretContext {
  container: "json" | "jwt" | "png" | "svg" | "xml" | "url";
  /** Fetch a linked JSON document (OB 2.0 BadgeClass / Issuer / Endorsement URLs); undefined when unavailable. Injected: the app passes its guarded fetcher. */
  resolve?: (url: string) => Promise<unknown | undefined>;
}

export type SignedForm =
  | { kind: "compact-jws"; token: string }
  | { kind: "jades"; jws: unknown }
  /** An SD-JWT VC, or a VC 2.0 `vc+sd-jwt`: the issuer-signed JWS plus its disclosures (and any key-binding JWT), exactly as received. */
  | { kind: "sd-jwt"; token: string };

export interface InterpretedCredential {
  record: NormalizedCredential;
  /** The JSON verification will check: the decoded JWT payload, the JSON-LD, the credential inside a JAdES envelope, the OB 2.0 assertion. */
  payload: unknown;
  /** For JWS/JWT/JAdES: the original token or JWS JSON, so the verifier checks the exact signed bytes. */
  signed?: SignedForm;
  /** OB 2.0 linked documents actually used (BadgeClass, Issuer, endorsements), keyed by URL. */
  linked?: Record<string, unknown>;
  /** CLR 2.0 contained credentials and presentation contents, each interpreted too. */
  children: InterpretedCredential[];
  /**
   * True for a VerifiablePresentation: only a wrapper. Its record describes the presentation
   * minimally ("Presentation of 2 credentials"); the importer stores the children, not it.
   */
  presentation?: boolean;
  /** Contained credentials that could not be read (the rest were): position in the container and why. */
  skipped?: { index: number; reason: NotACredentialReason; message: string }[];
}

/** Interpretation state passed down through envelopes and containers. */
export interface Env {
  ctx: InterpretContext;
  container: CredentialContainer;
  /** 0 at the top; each container or envelope level adds one. */
  depth: number;
  /** Set when the JSON came out of a signed envelope: it decides `securing` and `proofType`. */
  envelope?: { securing: "jws" | "vc-jwt" | "sd-jwt" | "jades"; alg?: string };
  /** Shared across one interpretCredential call, so nested credentials cannot multiply fetches. */
  budget: { fetches: number; credentials: number };
  /** Inside a CLR: its association links, by the achievement (or credential) id they start from. */
  associations?: Map<string, RelatedAchievement[]>;
  /** Interprets a contained credential (object, JWT string, or EnvelopedVerifiableCredential). */
  nested: (entry: unknown, env: Env) => Promise<InterpretedCredential>;
}
