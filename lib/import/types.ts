import type { VerificationResult } from "@/lib/verification";
import type { InterpretedCredential } from "@/lib/credentials/formats";

export interface ImportCandidate {
  interpreted: InterpretedCredential;
  original: { bytes: Uint8Array; mediaType: string; filename?: string };
  /** Our sanitized raster of the badge image, if there is one. */
  image?: { png: Uint8Array; width: number; height: number };
  /** An https image the credential links to, fetched after the import (never inline). */
  remoteImageUrl?: string;
  /** Results of checking the credential (and those inside it) before storing, saved in the same transaction. */
  verifications?: Map<InterpretedCredential, VerificationResult>;
  /** A self-reported certificate's scan or PDF, stored with the record. */
  evidence?: { filename: string; mediaType: string; bytes: Uint8Array };
}

export type StoreResult = {
  outcome: "imported" | "duplicate";
  credentialId: string;
  title: string;
  /** Credentials imported from inside this one (CLR 2.0, presentations). */
  childCount: number;
};

/** What the holder sees for each file or entry they gave. */
export type ImportItemReport =
  /** credentialId is absent when the credential was deleted after the import. */
  | { name: string; outcome: "imported"; title: string; credentialId?: string; message: string }
  | { name: string; outcome: "duplicate"; title: string; credentialId?: string; message: string }
  | { name: string; outcome: "rejected"; message: string };
