import crypto from "node:crypto";
import { storeImportedCredential } from "@/lib/credential-store/data";
import { buildSelfReportedCredential } from "@/lib/credentials/self-reported";
import { certificateScan } from "@/test-issuer";
import type { Database } from "./client";

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/**
 * A paper certificate the demo nurse added herself, with a photo of it: Immediate Life Support
 * from the hospital's resuscitation service, renewed yearly. Self-reported, so never "verified".
 */
export async function seedDemoSelfReported(db: Database, holder: { email: string; name: string; id: string }) {
  const input = {
    title: "Immediate Life Support (ILS)",
    issuer: "Northbridge University Hospitals, Resuscitation Service",
    issuedOn: day(-300),
    hours: 7.5,
    validUntil: day(65),
    notes: "One-day course: airway, defibrillation and the ALS algorithm for the first minutes of a cardiac arrest.",
  };
  const photo = await certificateScan([
    "Certificate of attendance",
    holder.name,
    input.title,
    "Northbridge University Hospitals",
    `Resuscitation Service  ${input.issuedOn}`,
  ]);
  const interpreted = buildSelfReportedCredential(input, holder, crypto.randomUUID());
  const stored = await storeImportedCredential(db, holder.id, {
    interpreted,
    original: {
      bytes: new TextEncoder().encode(JSON.stringify(interpreted.payload, null, 2)),
      mediaType: "application/json",
      filename: "self-reported.json",
    },
    evidence: { filename: "ils-certificate.png", mediaType: "image/png", bytes: new Uint8Array(photo) },
  });
  return stored.outcome === "imported" ? 1 : 0;
}
