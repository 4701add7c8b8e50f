import crypto from "node:crypto";
import { DEMO_ISSUER, type DemoComponent } from "@/lib/stacking";
import { createEd25519Issuer, issueOpenBadge, type TestIssuer } from "@/test-issuer";

/**
 * The fictional academy behind the pathway catalog's component badges (lib/stacking/catalog).
 * Like the demo nursing school, its key is derived from a public constant: its badges verify and
 * it is in the demo issuer registry, but it is a demo and must never be trusted elsewhere.
 */
const ACADEMY_SEED = crypto.createHash("sha256").update(`tessera demo issuer: ${DEMO_ISSUER.name}`).digest();

let academy: Promise<TestIssuer> | undefined;
export const demoAcademy = () => (academy ??= createEd25519Issuer({ seed: new Uint8Array(ACADEMY_SEED) }));

/** A signed OB 3.0 badge for one catalog component, as the academy would award it. */
export async function issueComponentBadge(
  component: DemoComponent,
  recipient: { email: string; name: string; id?: string; hashed?: boolean },
  issuedAt: string,
): Promise<Record<string, unknown>> {
  return issueOpenBadge(await demoAcademy(), {
    recipientEmail: recipient.email,
    recipientName: recipient.name,
    recipientId: recipient.id,
    hashed: recipient.hashed,
    now: issuedAt,
    ...(component.validForMonths ? { validUntil: monthsAfter(issuedAt, component.validForMonths) } : {}),
    issuerProfile: { name: DEMO_ISSUER.name, url: DEMO_ISSUER.url, email: "badges@demo-issuer.tessera.test" },
    achievement: {
      id: component.achievementId,
      name: component.title,
      description: component.description,
      criteria: component.criteria,
      achievementType: "Badge",
      humanCode: component.requirementId.toUpperCase().slice(0, 20),
      hours: component.hours,
      ects: component.ects ?? 0,
      eqfLevel: component.eqf,
      skills: component.skills.map((s) => ({
        name: s.name,
        uri: `https://demo-issuer.tessera.test/skills/${encodeURIComponent(s.code)}`,
      })),
      learningOutcomes: [],
    },
  }) as Promise<Record<string, unknown>>;
}

function monthsAfter(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 19) + "Z";
}
