import type { AchievementDetails } from "@/test-issuer";

/**
 * What the demo nurse's credentials say: each title with a description, criteria, outcomes and
 * skills that are about that title, as a UK/EU critical-care nurse would hold them. Workload is
 * stated where each format has a place for it (ELM's volumeOfLearning and creditPoint); OB 3.0
 * has none, so its hours stay in the criteria text as real issuers write them. The issuers are
 * fictional, and skill links point at the issuer's own (fictional) framework pages, not ESCO.
 */
export type DemoAchievement = Partial<AchievementDetails> & { name: string; hours: number; ects: number };

const NSN = "https://northbridge-nursing.test/achievements";
const nsnSkill = (name: string) => ({
  name,
  uri: `https://northbridge-nursing.test/skills/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
});
const rivermouthSkill = (name: string) => ({
  name,
  uri: `https://rivermouth-university.test/skills/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
});

const WORKSHOP = {
  assessment: "Observed simulation scenario",
  participation: "In person (simulation suite)",
  idVerification: "Identity checked by the facilitator",
  qualityAssurance: "Northbridge School of Nursing CPD quality framework (fictional)",
  prerequisites: "Registered nurse or nursing associate",
  fieldOfStudy: "Nursing and midwifery",
  language: "en",
  eqfLevel: 6,
  grade: "Competent",
} satisfies Partial<AchievementDetails>;

export const SEPSIS: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/sepsis-recognition-and-escalation`,
  name: "Sepsis Recognition and Escalation",
  achievementType: "Badge",
  humanCode: "NSN-SEP-01",
  hours: 4,
  ects: 0,
  description:
    "Recognises the deteriorating adult with suspected sepsis using NEWS2, starts the Sepsis Six within the first hour and escalates to the critical care outreach team with a structured call.",
  criteria:
    "Attend the 4-hour simulation workshop and lead an observed scenario: NEWS2 scoring, sepsis screening, the Sepsis Six bundle and escalation.",
  tags: ["sepsis", "NEWS2", "deteriorating patient"],
  skills: [nsnSkill("Sepsis screening"), nsnSkill("Escalation of care")],
  learningOutcomes: [
    "Scores NEWS2 accurately and acts on the escalation thresholds.",
    "Completes the Sepsis Six within one hour of recognition.",
    "Escalates to the outreach team and documents the plan.",
  ],
};

export const SBAR: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/sbar-clinical-handover`,
  name: "SBAR Clinical Handover",
  achievementType: "Badge",
  humanCode: "NSN-SBAR-01",
  hours: 3,
  ects: 0,
  description:
    "Hands over a critically ill patient between shifts and teams with SBAR (Situation, Background, Assessment, Recommendation), so nothing that matters is lost.",
  criteria:
    "Attend the 3-hour handover workshop and give two observed SBAR handovers, one at the bedside and one by telephone to a doctor.",
  tags: ["handover", "SBAR", "patient safety"],
  skills: [nsnSkill("Clinical handover"), nsnSkill("Structured communication")],
  learningOutcomes: [
    "Structures a handover as Situation, Background, Assessment and Recommendation.",
    "Checks understanding with read-back and states what needs doing next.",
  ],
};

export const SAFE_MEDICATION: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/safe-medication-administration`,
  name: "Safe Medication Administration",
  achievementType: "MicroCredential",
  humanCode: "NSN-MED-02",
  hours: 30,
  ects: 1,
  description:
    "Prepares and gives medicines safely in critical care: the rights of administration, independent double checks of high-risk infusions, drug calculations and reporting of medication incidents.",
  criteria:
    "Complete the 30-hour blended module, pass the drug calculation test (100 %) and be assessed giving an intravenous infusion under supervision.",
  participation: "Blended (online and supervised practice)",
  assessment: "Drug calculation test and supervised administration",
  tags: ["medicines management", "IV infusions", "patient safety"],
  skills: [nsnSkill("Medicines administration"), nsnSkill("Drug calculations"), nsnSkill("Intravenous therapy")],
  learningOutcomes: [
    "Calculates doses and infusion rates without error.",
    "Carries out an independent double check of high-risk medicines.",
    "Reports and learns from medication incidents.",
  ],
  grade: "Pass",
};

export const ARTERIAL_BLOOD_GAS: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/arterial-blood-gas-interpretation`,
  name: "Arterial Blood Gas Interpretation",
  achievementType: "Badge",
  humanCode: "NSN-ABG-01",
  hours: 6,
  ects: 0,
  description:
    "Reads an arterial blood gas in a systematic way (oxygenation, acid–base status, compensation) and recognises results that need a doctor now.",
  criteria: "Attend the 6-hour workshop and interpret ten anonymised blood gas results in a written assessment.",
  assessment: "Written interpretation of ten results",
  tags: ["blood gas", "acid–base", "respiratory"],
  skills: [nsnSkill("Blood gas interpretation")],
  learningOutcomes: ["Interprets oxygenation and acid–base status from an arterial blood gas."],
};

export const MOVING_AND_HANDLING: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/moving-and-handling-of-patients`,
  name: "Moving and Handling of Patients",
  achievementType: "Badge",
  humanCode: "NSN-MH-01",
  hours: 3,
  ects: 0,
  description:
    "Moves and repositions dependent patients safely, including proning a ventilated patient as part of a team, with the right equipment and a risk assessment.",
  criteria: "Attend the 3-hour practical session and demonstrate three observed patient transfers.",
  tags: ["moving and handling", "mandatory training"],
  skills: [nsnSkill("Safe patient handling")],
  learningOutcomes: ["Plans and carries out a safe team transfer of a dependent patient."],
};

/** The CLR: a programme (index 0) and the two courses that make it up. */
export const CRITICAL_CARE_PROGRAMME: DemoAchievement[] = [
  {
    ...WORKSHOP,
    id: `${NSN}/critical-care-nursing-foundations`,
    name: "Critical Care Nursing Foundations",
    achievementType: "LearningProgram",
    humanCode: "NSN-CCF",
    hours: 50,
    ects: 2,
    description:
      "A first-year programme for nurses new to intensive care: monitoring the critically ill adult and caring for the ventilated patient.",
    criteria: "Complete both courses of the programme.",
    participation: "Blended (online and supervised practice)",
    assessment: "Course assessments",
    tags: ["critical care", "intensive care"],
    skills: [nsnSkill("Critical care nursing")],
    learningOutcomes: ["Cares safely for a level 3 critically ill adult under supervision."],
    grade: "Pass",
  },
  {
    ...WORKSHOP,
    id: `${NSN}/haemodynamic-monitoring`,
    name: "Haemodynamic Monitoring in Critical Care",
    achievementType: "Course",
    humanCode: "NSN-CCF-101",
    hours: 25,
    ects: 1,
    description:
      "Sets up and troubleshoots arterial and central venous pressure monitoring, reads the waveforms and responds to changes in blood pressure and perfusion.",
    criteria: "Complete the 25-hour course and pass a supervised bedside assessment of an arterial line set-up.",
    participation: "Blended (online and supervised practice)",
    assessment: "Supervised bedside assessment",
    tags: ["haemodynamics", "arterial line", "critical care"],
    skills: [nsnSkill("Invasive pressure monitoring")],
    learningOutcomes: [
      "Zeroes, levels and troubleshoots an arterial line.",
      "Recognises a damped waveform and acts on it.",
    ],
    grade: "Pass",
  },
  {
    ...WORKSHOP,
    id: `${NSN}/care-of-the-ventilated-patient`,
    name: "Care of the Mechanically Ventilated Patient",
    achievementType: "Course",
    humanCode: "NSN-CCF-102",
    hours: 25,
    ects: 1,
    description:
      "Cares for an adult on invasive ventilation: ventilator checks and alarms, endotracheal tube and airway care, ventilator care bundle and preparing for weaning.",
    criteria: "Complete the 25-hour course and pass a supervised assessment of a ventilated patient's care.",
    participation: "Blended (online and supervised practice)",
    assessment: "Supervised bedside assessment",
    tags: ["ventilation", "airway", "critical care"],
    skills: [nsnSkill("Ventilator care"), nsnSkill("Airway management")],
    learningOutcomes: [
      "Checks the ventilator and responds to its alarms.",
      "Delivers the ventilator care bundle, including oral care and head-of-bed elevation.",
    ],
    grade: "Pass",
  },
];

const RIVERMOUTH_MODULE = {
  achievementType: "MicroCredential",
  fieldOfStudy: "Nursing and midwifery",
  language: "en",
  eqfLevel: 7,
  assessment: "Written case study",
  participation: "Online",
  idVerification: "Online with ID verification",
  qualityAssurance: "Rivermouth University postgraduate quality framework (fictional)",
  prerequisites: "Registered nurse working in critical care",
  grade: "Pass (68 %)",
} satisfies Partial<AchievementDetails>;

/** The two European Digital Credentials: hours and ECTS in ELM's own fields. */
export const INFECTION_PREVENTION: DemoAchievement = {
  ...RIVERMOUTH_MODULE,
  id: "https://rivermouth-university.test/modules/ipc-critical-care",
  name: "Infection Prevention and Control in Critical Care",
  humanCode: "RMU-NUR-7101",
  hours: 30,
  ects: 1,
  description:
    "Prevents healthcare-associated infection in intensive care: central line and ventilator-associated pneumonia bundles, isolation, antimicrobial stewardship and surveillance data.",
  criteria: "Complete the 30-hour online module and pass a written case study.",
  tags: ["infection prevention", "critical care", "antimicrobial stewardship"],
  skills: [rivermouthSkill("Infection prevention and control"), rivermouthSkill("Antimicrobial stewardship")],
  learningOutcomes: [
    "Applies the central line and ventilator care bundles and audits compliance.",
    "Explains the nurse's part in antimicrobial stewardship.",
  ],
};

export const DELIRIUM: DemoAchievement = {
  ...RIVERMOUTH_MODULE,
  id: "https://rivermouth-university.test/modules/delirium-icu",
  name: "Delirium Assessment and Management in the ICU",
  humanCode: "RMU-NUR-7102",
  hours: 30,
  ects: 1,
  description:
    "Screens critically ill patients for delirium with CAM-ICU and RASS, and prevents and manages it with the ABCDEF bundle, sleep and early mobilisation.",
  criteria: "Complete the 30-hour online module and pass a written case study.",
  tags: ["delirium", "CAM-ICU", "critical care"],
  skills: [rivermouthSkill("Delirium screening"), rivermouthSkill("Sedation assessment")],
  learningOutcomes: [
    "Assesses sedation with RASS and delirium with CAM-ICU.",
    "Plans non-drug measures to prevent delirium with the team and family.",
  ],
};

/** The OB 2.0 badge baked into a PNG, from the hospital's education team. */
export const TRACHEOSTOMY: DemoAchievement = {
  ...WORKSHOP,
  id: "https://education.northbridge-hospitals.test/badges/tracheostomy",
  name: "Tracheostomy Care and Emergencies",
  achievementType: "Badge",
  humanCode: "NUH-TRACH",
  hours: 4,
  ects: 0,
  description:
    "Cares for a patient with a tracheostomy (suction, inner tube and stoma care) and manages a blocked or displaced tube with the emergency algorithm.",
  criteria: "Attend the 4-hour simulation session and complete the tracheostomy emergency scenario.",
  tags: ["tracheostomy", "airway emergencies"],
  skills: [nsnSkill("Tracheostomy care")],
  learningOutcomes: ["Follows the emergency algorithm for a blocked or displaced tracheostomy."],
};

/** Issued to an address the demo nurse has not added yet, so its page offers to add it. */
export const NEWS2_REFRESHER: DemoAchievement = {
  ...WORKSHOP,
  id: `${NSN}/news2-refresher`,
  name: "NEWS2 Observations Refresher",
  achievementType: "Badge",
  humanCode: "NSN-NEWS2-R",
  hours: 1,
  ects: 0,
  description:
    "Takes and records a full set of observations and scores NEWS2 correctly, including for a patient on oxygen.",
  criteria: "Complete the 1-hour e-learning refresher and its quiz.",
  participation: "Online",
  assessment: "Online quiz",
  tags: ["NEWS2", "observations"],
  skills: [nsnSkill("Vital signs monitoring")],
  learningOutcomes: ["Scores NEWS2 correctly, using scale 2 for oxygen saturation where prescribed."],
};
