import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { storeImportedCredential } from "@/lib/credential-store/data";
import type { InterpretedCredential } from "@/lib/credentials/formats";
import { testInterpretedCredential, type TestCredentialSpec } from "@/testkit/wallet/test-credentials";

/** Test and benchmark helpers for share links. */

export interface SignedTestCredential extends TestCredentialSpec {
  format?: InterpretedCredential["record"]["format"];
  securing?: InterpretedCredential["record"]["securing"];
  payload?: unknown;
  signed?: InterpretedCredential["signed"];
  recipient?: InterpretedCredential["record"]["recipient"];
  /** The original file's bytes; the payload as JSON by default. */
  originalBytes?: Uint8Array;
  image?: boolean;
  evidence?: { filename: string; bytes: Uint8Array };
  children?: SignedTestCredential[];
  /** Store only the children, as a presentation import does. */
  presentation?: boolean;
}

function interpreted(spec: SignedTestCredential): InterpretedCredential {
  const base = testInterpretedCredential(spec);
  return {
    ...base,
    record: {
      ...base.record,
      format: spec.format ?? base.record.format,
      securing: spec.securing ?? base.record.securing,
      ...(spec.recipient ? { recipient: spec.recipient } : {}),
    },
    payload: spec.payload ?? base.payload,
    ...(spec.signed ? { signed: spec.signed } : {}),
    children: (spec.children ?? []).map(interpreted),
    ...(spec.presentation ? { presentation: true } : {}),
  };
}

/** 1×1 transparent PNG. */
const PIXEL = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** Stores a credential (with children, image, evidence) through the real store; returns its id and its children's ids. */
export async function storeSignedTestCredential(
  db: Database,
  holderId: string,
  spec: SignedTestCredential,
): Promise<{ id: string; childIds: string[] }> {
  const item = interpreted(spec);
  const result = await storeImportedCredential(db, holderId, {
    interpreted: item,
    original: {
      bytes: spec.originalBytes ?? new TextEncoder().encode(JSON.stringify(item.payload)),
      mediaType: "application/json",
      filename: `${spec.title}.json`,
    },
    ...(spec.image ? { image: { png: PIXEL, width: 1, height: 1 } } : {}),
    ...(spec.evidence
      ? { evidence: { filename: spec.evidence.filename, mediaType: "application/pdf", bytes: spec.evidence.bytes } }
      : {}),
  });
  const children = await db.execute<{ id: string }>(
    sql`select id from credentials where holder_id = ${holderId} and parent_id = ${result.credentialId} order by title`,
  );
  return { id: result.credentialId, childIds: children.rows.map((r) => r.id) };
}

/** Every row of every table as text: what "grep the database" means in a test (docs/threat-model.md F1, F4). */
export async function databaseDump(db: Database): Promise<string> {
  const tables = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await db.execute<{ row: string }>(sql`select t::text as row from ${sql.identifier(name)} t`);
    parts.push(`== ${name}`, ...rows.rows.map((r) => r.row));
  }
  return parts.join("\n");
}
