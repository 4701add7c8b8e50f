import type { CpdProfileInput } from "./profile-schema";

/**
 * Regulators' renewal rules as Tessera models them. Written from the published guidance as the
 * author knew it; each source note says what is modelled, what is left out and what is uncertain.
 * `retrieved` is the date the entry was written, not a date the live page was re-read: Tessera
 * had no network access then, so a holder should follow the link before relying on a figure.
 */
export const CPD_CATALOG: CpdProfileInput[] = [
  {
    id: "nmc-revalidation",
    name: "NMC revalidation (nurses, midwives, nursing associates)",
    regulator: "Nursing and Midwifery Council (NMC)",
    profession: "Nurse, midwife or nursing associate",
    jurisdiction: "United Kingdom",
    source: {
      title: "NMC, Revalidation: how to revalidate with the NMC — requirements",
      url: "https://www.nmc.org.uk/revalidation/requirements/",
      retrieved: "2026-12-06",
      note: "Modelled: 35 hours of CPD in the 3 years since you last renewed, of which 20 participatory; 5 pieces of practice-related feedback; 5 written reflective accounts. Not modelled (not countable from credentials): 450 practice hours, the reflective discussion, health and character declaration, indemnity and confirmation. Written from the published requirements; not re-read online on the retrieved date.",
    },
    cycleMonths: 36,
    rules: [
      { id: "cpd-hours", kind: "total-hours", label: "CPD hours", minHours: 35 },
      { id: "participatory-hours", kind: "participatory-hours", label: "Participatory CPD hours", minHours: 20 },
      {
        id: "feedback",
        kind: "record-count",
        label: "Pieces of practice-related feedback",
        recordKind: "practice-feedback",
        minCount: 5,
      },
      {
        id: "reflective-accounts",
        kind: "record-count",
        label: "Written reflective accounts",
        recordKind: "reflective-account",
        minCount: 5,
      },
    ],
  },
  {
    id: "florida-bon-rn-lpn",
    name: "Florida Board of Nursing renewal (RN, LPN)",
    regulator: "Florida Board of Nursing",
    profession: "Registered nurse or licensed practical nurse",
    jurisdiction: "Florida, United States",
    source: {
      title:
        "Florida Statutes s. 464.013 (renewal, continuing education) and s. 456.013; Florida Administrative Code rule 64B9-5",
      url: "https://www.flsenate.gov/Laws/Statutes/2024/464.013",
      retrieved: "2026-12-06",
      note: "Modelled: 24 contact hours every 2-year renewal, which include 2 h prevention of medical errors, 2 h Florida laws and rules, 2 h human trafficking and 2 h recognizing impairment in the workplace; each required course counts toward one required topic only. Not modelled, because they depend on which renewal it is: 1 h HIV/AIDS (first renewal only) and 2 h domestic violence (every third renewal). The board's own CE page and the renewal dates on your licence decide; topic names are from memory and the board may have changed them.",
    },
    cycleMonths: 24,
    rules: [
      { id: "contact-hours", kind: "total-hours", label: "Contact hours", minHours: 24 },
      {
        id: "medical-errors",
        kind: "topic-hours",
        label: "Prevention of medical errors",
        topic: "Prevention of medical errors",
        keywords: ["medical errors", "medication errors", "patient safety"],
        minHours: 2,
        exclusive: true,
      },
      {
        id: "laws-and-rules",
        kind: "topic-hours",
        label: "Florida laws and rules",
        topic: "Florida laws and rules",
        keywords: ["laws and rules", "nurse practice act", "chapter 464"],
        minHours: 2,
        exclusive: true,
      },
      {
        id: "human-trafficking",
        kind: "topic-hours",
        label: "Human trafficking",
        topic: "Human trafficking",
        keywords: ["human trafficking"],
        minHours: 2,
        exclusive: true,
      },
      {
        id: "impairment",
        kind: "topic-hours",
        label: "Recognizing impairment in the workplace",
        topic: "Recognizing impairment in the workplace",
        keywords: ["impairment in the workplace", "impaired practice", "substance use disorder"],
        minHours: 2,
        exclusive: true,
      },
    ],
  },
  {
    id: "california-brn-rn",
    name: "California BRN renewal (RN)",
    regulator: "California Board of Registered Nursing (BRN)",
    profession: "Registered nurse",
    jurisdiction: "California, United States",
    source: {
      title:
        "California Code of Regulations, title 16, §1451 (continuing education for licence renewal); BRN continuing education page",
      url: "https://www.rn.ca.gov/licensees/ce-renewal.shtml",
      retrieved: "2026-12-06",
      note: "Modelled: 30 contact hours every 2-year renewal. Not modelled: the exemption for the first renewal and any topic the BRN added since (for example implicit bias training for nurses with direct patient care — check the BRN page). Written from memory of the regulation; not re-read online on the retrieved date.",
    },
    cycleMonths: 24,
    rules: [{ id: "contact-hours", kind: "total-hours", label: "Contact hours", minHours: 30 }],
  },
  {
    id: "gphc-revalidation",
    name: "GPhC revalidation (pharmacists, pharmacy technicians)",
    regulator: "General Pharmaceutical Council (GPhC)",
    profession: "Pharmacist or pharmacy technician",
    jurisdiction: "Great Britain",
    source: {
      title: "GPhC, Revalidation framework",
      url: "https://www.pharmacyregulation.org/revalidation",
      retrieved: "2026-12-06",
      note: "Modelled: each year, 4 CPD records of which at least 2 are planned learning, 1 peer discussion record and 1 reflective account. GPhC sets no hours; records are counted. Mark a credential as planned learning, peer discussion or reflective account on its activity. Written from the published framework; not re-read online on the retrieved date.",
    },
    cycleMonths: 12,
    rules: [
      { id: "cpd-records", kind: "record-count", label: "CPD records", recordKind: "cpd-activity", minCount: 4 },
      {
        id: "planned-learning",
        kind: "record-count",
        label: "Planned learning records",
        recordKind: "planned-learning",
        minCount: 2,
      },
      {
        id: "peer-discussion",
        kind: "record-count",
        label: "Peer discussion record",
        recordKind: "peer-discussion",
        minCount: 1,
      },
      {
        id: "reflective-account",
        kind: "record-count",
        label: "Reflective account",
        recordKind: "reflective-account",
        minCount: 1,
      },
    ],
  },
];
