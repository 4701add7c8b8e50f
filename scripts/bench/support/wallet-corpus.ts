import type {
  CredentialContainer,
  CredentialFormat,
  CredentialKind,
  SecuringMechanism,
} from "@/lib/credentials/record";
import type { Verdict } from "@/lib/verification/types";

/**
 * A generated wallet for the HTTP benchmarks: one holder with a realistic mix of credentials
 * (kinds, ~30 issuers, skills, outcomes, formats, verdicts, expired / expiring / open-ended
 * validity, holder tags, images, collections). Generation is deterministic (seeded PRNG) and
 * touches no database: support/wallet-seed.ts writes the generated items into one. Also here:
 * what a wallet search over the generated items must answer.
 */

export const BENCH_HOLDER = {
  name: "Imani Mensah",
  email: "imani.mensah@bench.tessera.test",
  profession: "Intensive care nurse",
} as const;

export interface CorpusItem {
  title: string;
  issuer: string;
  kind: CredentialKind;
  format: CredentialFormat;
  issuedAt: Date;
  validUntil: Date | null;
  selfReported: boolean;
  verdict: Verdict | null;
  holderTags: string[];
  skills: string[];
  outcomes: string[];
  hasImage: boolean;
  collections: number[];
  hours: number;
  ects: number | null;
  description: string;
}

// ---------------------------------------------------------------- deterministic generation

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISSUERS = [
  "Northbridge School of Nursing",
  "Royal College of Critical Care Nursing",
  "St Aldhelm University Hospital",
  "Global Health Skills Academy",
  "Resuscitation Training Council",
  "Midlands Clinical Simulation Centre",
  "Open Nursing University",
  "European Sepsis Alliance",
  "Infection Prevention Society",
  "Kestrel Health Education",
  "Harbourside Community Health Trust",
  "Lakeshore Paediatric Institute",
  "Meridian School of Pharmacy",
  "Baltic Medical Education Network",
  "Alpine Emergency Care College",
  "Coastal Ambulance Service Academy",
  "Nordic Wound Care Academy",
  "Institute of Dementia Care",
  "Palliative Care Partnership",
  "Clinical Leadership Forum",
  "Digital Health Skills Lab",
  "Safeguarding Training Board",
  "Mental Health First Aid Europe",
  "Maternity Skills Network",
  "Renal Nursing Society",
  "Oncology Nursing College",
  "Theatre Practice Academy",
  "Immunisation Training Unit",
  "Health Data Literacy Project",
  "Rural Health Workforce Institute",
] as const;

const TOPICS: { title: string; skills: string[] }[] = [
  { title: "Sepsis Recognition", skills: ["sepsis screening", "early warning scores", "escalation of care"] },
  { title: "Airway Management", skills: ["airway management", "oxygen therapy", "suction techniques"] },
  {
    title: "Advanced Life Support",
    skills: ["cardiopulmonary resuscitation", "defibrillation", "team leadership in emergencies"],
  },
  { title: "Basic Life Support", skills: ["cardiopulmonary resuscitation", "choking management"] },
  {
    title: "Mechanical Ventilation",
    skills: ["ventilator management", "arterial blood gas interpretation", "weaning from ventilation"],
  },
  { title: "Wound Care", skills: ["wound assessment", "pressure ulcer prevention", "dressing selection"] },
  { title: "Infection Prevention and Control", skills: ["hand hygiene", "aseptic technique", "isolation precautions"] },
  { title: "Medication Safety", skills: ["medication administration", "drug calculations", "adverse event reporting"] },
  { title: "Intravenous Therapy", skills: ["cannulation", "infusion management", "medication administration"] },
  { title: "Paediatric Assessment", skills: ["paediatric observations", "family-centred care", "growth monitoring"] },
  { title: "Neonatal Care", skills: ["neonatal resuscitation", "thermoregulation", "infant feeding support"] },
  {
    title: "Dementia Awareness",
    skills: ["person-centred care", "communication with people with dementia", "delirium recognition"],
  },
  {
    title: "Palliative and End of Life Care",
    skills: ["symptom management", "advance care planning", "bereavement support"],
  },
  { title: "Safeguarding Adults", skills: ["safeguarding", "recognising abuse", "multi-agency working"] },
  { title: "Safeguarding Children", skills: ["safeguarding", "child protection", "information sharing"] },
  { title: "Clinical Leadership", skills: ["team leadership", "delegation", "quality improvement"] },
  { title: "Quality Improvement", skills: ["quality improvement", "audit", "patient safety"] },
  { title: "Mental Health First Aid", skills: ["mental health first aid", "suicide risk assessment", "de-escalation"] },
  { title: "Diabetes Management", skills: ["blood glucose monitoring", "insulin administration", "patient education"] },
  { title: "Renal Replacement Therapy", skills: ["haemofiltration", "fluid balance", "electrolyte monitoring"] },
  {
    title: "Chemotherapy Administration",
    skills: ["cytotoxic handling", "medication administration", "extravasation management"],
  },
  { title: "Perioperative Practice", skills: ["surgical safety checklist", "instrument counts", "recovery care"] },
  { title: "Immunisation", skills: ["vaccine administration", "cold chain management", "anaphylaxis management"] },
  { title: "Manual Handling", skills: ["moving and handling", "falls prevention"] },
  { title: "Health Data Literacy", skills: ["clinical documentation", "data protection", "digital literacy"] },
  { title: "Telehealth Consultations", skills: ["remote consultation", "digital literacy", "clinical documentation"] },
  {
    title: "Maternity Emergencies",
    skills: ["obstetric emergencies", "neonatal resuscitation", "team leadership in emergencies"],
  },
  { title: "Trauma Nursing", skills: ["trauma assessment", "haemorrhage control", "triage"] },
  { title: "Emergency Triage", skills: ["triage", "early warning scores", "escalation of care"] },
  { title: "Pain Management", skills: ["pain assessment", "opioid safety", "non-pharmacological pain relief"] },
  { title: "Nutrition and Hydration", skills: ["nutritional screening", "fluid balance", "enteral feeding"] },
  { title: "Tracheostomy Care", skills: ["tracheostomy care", "suction techniques", "airway management"] },
  { title: "ECG Interpretation", skills: ["ECG interpretation", "arrhythmia recognition"] },
  { title: "Delirium Prevention", skills: ["delirium recognition", "person-centred care"] },
  { title: "Preceptorship", skills: ["mentoring", "reflective practice", "delegation"] },
  { title: "Simulation Facilitation", skills: ["simulation facilitation", "debriefing", "mentoring"] },
  {
    title: "Antimicrobial Stewardship",
    skills: ["antimicrobial stewardship", "aseptic technique", "patient education"],
  },
  { title: "Blood Transfusion", skills: ["blood transfusion", "patient identification", "adverse event reporting"] },
  { title: "Stroke Care", skills: ["stroke assessment", "dysphagia screening", "rehabilitation"] },
  { title: "Respiratory Care", skills: ["oxygen therapy", "inhaler technique", "spirometry"] },
];

const SUFFIXES = [
  "Foundations",
  "Level 2",
  "Advanced Practice",
  "Refresher",
  "Masterclass",
  "Essentials",
  "for Ward Nurses",
  "in Practice",
  "Annual Update",
  "Simulation Day",
  "Online Module",
  "Certificate",
];
const HOLDER_TAGS = [
  "revalidation",
  "icu-application",
  "mandatory",
  "cpd-2025",
  "cpd-2026",
  "leadership",
  "favourite",
  "to-renew",
];
/** The holder's collections, and the share of the credentials each one holds. */
export const CORPUS_COLLECTIONS: { name: string; description: string; share: number }[] = [
  { name: "ICU application", description: "For the critical care post at St Aldhelm", share: 0.06 },
  { name: "Annual revalidation", description: "Evidence for this year's revalidation", share: 0.1 },
  { name: "Paediatric rotation", description: "Everything relevant to the children's ward", share: 0.03 },
  { name: "Leadership portfolio", description: "Band 7 application", share: 0.02 },
  { name: "Infection control", description: "Link nurse role", share: 0.04 },
];

/** [format, securing, container, label, proofType, share] */
export const CORPUS_FORMATS: [
  CredentialFormat,
  SecuringMechanism,
  CredentialContainer,
  string,
  string | undefined,
  number,
][] = [
  ["ob3", "data-integrity", "json", "Open Badges 3.0 · Data Integrity (eddsa-rdfc-2022)", "eddsa-rdfc-2022", 0.33],
  ["ob3", "vc-jwt", "jwt", "Open Badges 3.0 · VC-JWT (EdDSA)", "EdDSA", 0.14],
  [
    "ob3",
    "data-integrity",
    "png",
    "Open Badges 3.0 · Data Integrity (eddsa-rdfc-2022), baked in PNG",
    "eddsa-rdfc-2022",
    0.05,
  ],
  ["ob2", "hosted", "json", "Open Badges 2.0 · hosted", undefined, 0.12],
  ["ob2", "jws", "jwt", "Open Badges 2.0 · signed (RS256)", "RS256", 0.04],
  ["edc", "jades", "json", "European Digital Credential · JAdES seal", "ES256", 0.08],
  [
    "vc",
    "data-integrity",
    "json",
    "W3C Verifiable Credential 2.0 · Data Integrity (ecdsa-rdfc-2019)",
    "ecdsa-rdfc-2019",
    0.06,
  ],
  ["clr2", "data-integrity", "json", "CLR 2.0 · Data Integrity (eddsa-rdfc-2022)", "eddsa-rdfc-2022", 0.02],
  ["self-reported", "none", "form", "Self-reported certificate (not verified)", undefined, 0.16],
];

export const DAY = 24 * 60 * 60 * 1000;

export function generateCorpus(count: number, now: Date, seed = 20261123): CorpusItem[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let r = rand() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
    return entries.at(-1)![0];
  };
  // Issuers are not equally common: a few big training providers issue most credentials.
  const issuerWeights = ISSUERS.map((name, i) => [name, 1 / (1 + i * 0.25)] as const);
  const earliest = Date.UTC(2016, 0, 1);
  const span = now.getTime() - 3 * DAY - earliest;
  const items: CorpusItem[] = [];
  const usedInstants = new Set<number>();
  for (let i = 0; i < count; i++) {
    const topic = pick(TOPICS);
    const format = weighted(CORPUS_FORMATS.map((f) => [f, f[5]] as const));
    const selfReported = format[0] === "self-reported";
    const kind = weighted<CredentialKind>([
      ["badge", 0.6],
      ["micro-credential", 0.3],
      ["nano-degree", 0.1],
    ]);
    const hours =
      kind === "badge"
        ? 1 + Math.floor(rand() * 12)
        : kind === "micro-credential"
          ? 25 + Math.floor(rand() * 125)
          : 150 + Math.floor(rand() * 450);
    const ects = kind === "badge" || selfReported ? null : Math.max(1, Math.round(hours / 25));
    // Unique issue instants so "newest first" has no ties to break.
    let issued = earliest + Math.floor((rand() * span) / 60_000) * 60_000;
    while (usedInstants.has(issued)) issued += 1000;
    usedInstants.add(issued);
    const issuedAt = new Date(issued);
    const validity = weighted([
      ["none", 0.4],
      ["expired", 0.15],
      ["expiring", 0.08],
      ["later", 0.37],
    ] as const);
    const validUntil =
      validity === "none"
        ? null
        : validity === "expired"
          ? new Date(now.getTime() - (1 + Math.floor(rand() * 900)) * DAY)
          : validity === "expiring"
            ? new Date(now.getTime() + (1 + Math.floor(rand() * 85)) * DAY)
            : new Date(now.getTime() + (100 + Math.floor(rand() * 1400)) * DAY);
    const verdict: Verdict | null = selfReported
      ? null
      : weighted<Verdict | null>([
          ["verified", 0.7],
          ["unknown", 0.15],
          ["not-verified", 0.07],
          [null, 0.08],
        ]);
    const skills = topic.skills.filter(() => rand() < 0.8);
    const outcomes = skills
      .slice(0, Math.floor(rand() * 3))
      .map((skill) => `Apply ${skill} safely in clinical practice`);
    const holderTags =
      rand() < 0.2 ? [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(HOLDER_TAGS)))] : [];
    const collectionsOf = CORPUS_COLLECTIONS.flatMap((c, index) => (rand() < c.share ? [index] : []));
    items.push({
      title: `${topic.title} ${pick(SUFFIXES)}`,
      issuer: weighted(issuerWeights),
      kind,
      format: format[0],
      issuedAt,
      validUntil:
        validUntil && validUntil.getTime() <= issuedAt.getTime() ? new Date(issuedAt.getTime() + 30 * DAY) : validUntil,
      selfReported,
      verdict,
      holderTags,
      skills,
      outcomes,
      hasImage: !selfReported && rand() < 0.35,
      collections: collectionsOf,
      hours,
      ects,
      description: `Completion of the ${topic.title.toLowerCase()} programme, including supervised practice and an assessed scenario.`,
    });
  }
  return items;
}

// ---------------------------------------------------------------- what the app must answer

/** The text search_text holds for an item (db/schema/credentials.ts), lower-cased as Postgres does for ASCII. */
export function searchTextOf(item: CorpusItem): string {
  const jsonArray = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
  return `${item.title} ${item.issuer} ${jsonArray(item.skills)} ${jsonArray(item.outcomes)}`.toLowerCase();
}

/** The items a wallet search for `q` (optionally of one kind) must return, newest first. */
export function expectedMatches(items: CorpusItem[], q: string, kind?: CredentialKind): CorpusItem[] {
  const needle = q.replace(/\s+/g, " ").trim().toLowerCase();
  return items
    .filter(
      (item) =>
        (!kind || item.kind === kind) &&
        (searchTextOf(item).includes(needle) || item.holderTags.some((tag) => tag.toLowerCase().includes(needle))),
    )
    .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
}

export function newestFirst(items: CorpusItem[]): CorpusItem[] {
  return [...items].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
}
