import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials, users } from "@/db/schema";
import { storeImportedCredential } from "@/lib/credential-store/data";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import type { CredentialKind, NormalizedCredential } from "@/lib/credentials/record";
import { buildSelfReportedCredential } from "@/lib/credentials/self-reported";
import type { Verdict } from "@/lib/verification/types";

/** Test and benchmark helpers: wallet rows with chosen fields, stored through the real store. */

export interface TestCredentialSpec {
  title: string;
  issuer?: string;
  kind?: CredentialKind;
  issued?: string;
  validUntil?: string;
  hours?: number;
  ects?: number;
  /** A credit figure without a unit (OB 3.0 creditsAvailable). */
  credits?: number;
  skills?: string[];
  outcomes?: string[];
  description?: string;
  selfReported?: boolean;
  verdict?: Verdict | null;
}

export async function createTestHolder(db: Database, email: string, name = "Test Holder"): Promise<string> {
  const [row] = await db.insert(users).values({ email, name }).returning({ id: users.id });
  return row!.id;
}

export function testInterpretedCredential(spec: TestCredentialSpec): InterpretedCredential {
  const base = buildSelfReportedCredential(
    {
      title: spec.title,
      issuer: spec.issuer ?? "Northbridge School of Nursing",
      issuedOn: spec.issued ?? "2026-01-10",
    },
    { name: "Test Holder", email: "holder@example.org" },
    spec.title,
  );
  const record: NormalizedCredential = {
    ...base.record,
    format: spec.selfReported ? "self-reported" : "ob3",
    selfReported: spec.selfReported ?? false,
    kind: spec.kind ?? "badge",
    description: spec.description,
    dates: { issued: spec.issued ?? "2026-01-10", ...(spec.validUntil ? { validUntil: spec.validUntil } : {}) },
    workload: {
      ...(spec.hours !== undefined ? { hours: spec.hours } : {}),
      ...(spec.ects !== undefined ? { ects: spec.ects } : {}),
      ...(spec.credits !== undefined ? { credits: spec.credits } : {}),
    },
    skills: (spec.skills ?? []).map((name) => ({ name, framework: "ESCO" })),
    learningOutcomes: (spec.outcomes ?? []).map((title) => ({ title })),
  };
  return { ...base, record, payload: { id: `urn:test:${spec.title}:${spec.issuer ?? ""}:${spec.issued ?? ""}` } };
}

/** Stores one credential as an import would, then sets the verdict the test asks for. */
export async function storeTestCredential(db: Database, holderId: string, spec: TestCredentialSpec): Promise<string> {
  const interpreted = testInterpretedCredential(spec);
  const result = await storeImportedCredential(db, holderId, {
    interpreted,
    original: {
      bytes: new TextEncoder().encode(JSON.stringify(interpreted.payload)),
      mediaType: "application/json",
      filename: `${spec.title}.json`,
    },
  });
  if (spec.verdict !== undefined)
    await db.update(credentials).set({ verdict: spec.verdict }).where(eq(credentials.id, result.credentialId));
  return result.credentialId;
}
