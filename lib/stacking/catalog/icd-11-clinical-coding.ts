/** Five modules, all required: the demo holder starts at 3 of 5 and can finish with the other two. */
import {
  achievementUrl,
  componentRequirement,
  demoTargetIssuer,
  skill,
  type CatalogEntry,
  type DemoComponent,
} from "./demo-issuer";

const pathwayId = "icd-11-clinical-coding";
const eqf = 5;

const components: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "foundations",
    achievementId: achievementUrl("icd-11-foundations"),
    eqf,
    hours: 10,
    title: "ICD-11 Foundations and the Coding Tool",
    description:
      "The structure of ICD-11 (foundation, linearizations, chapters) and finding codes with the browser and coding tool.",
    skills: [
      skill("use medical classification systems", "s2.9.1"),
      skill("search clinical terminology tools", "s5.6.4"),
    ],
    criteria: "Completed six guided exercises and passed a 20-question online quiz (pass mark 80 %).",
  },
  {
    pathwayId,
    requirementId: "diagnoses",
    achievementId: achievementUrl("icd-11-coding-diagnoses"),
    eqf,
    hours: 14,
    title: "Coding Diagnoses with ICD-11 MMS",
    description:
      "Selecting stem codes for diagnoses from discharge summaries, with the MMS conventions for residual categories.",
    skills: [skill("code clinical diagnoses", "s2.9.2"), skill("interpret medical records", "s2.9.3")],
    criteria: "Coded 25 anonymised discharge summaries with at least 85 % agreement with the reference coding.",
  },
  {
    pathwayId,
    requirementId: "postcoordination",
    achievementId: achievementUrl("icd-11-postcoordination"),
    eqf,
    hours: 12,
    title: "Postcoordination and Extension Codes",
    description: "Clustering stem codes with extension codes for severity, laterality, anatomy and causes.",
    skills: [skill("code clinical diagnoses", "s2.9.2")],
    criteria: "Built correct code clusters for 20 cases, reviewed by a tutor.",
  },
  {
    pathwayId,
    requirementId: "mortality-morbidity",
    achievementId: achievementUrl("icd-11-mortality-morbidity-rules"),
    eqf,
    hours: 12,
    title: "Mortality and Morbidity Coding Rules",
    description: "Selecting the underlying cause of death and the main condition for morbidity statistics.",
    skills: [skill("apply health statistics coding rules", "s2.9.4")],
    criteria: "Passed a case-based test of 30 death certificates and episode records (pass mark 80 %).",
    validForMonths: 36,
  },
  {
    pathwayId,
    requirementId: "coding-audit",
    achievementId: achievementUrl("clinical-coding-quality-audit"),
    eqf,
    hours: 12,
    title: "Clinical Coding Quality Audit",
    description: "Auditing a coded sample against the source record, measuring agreement and feeding back to coders.",
    skills: [skill("audit clinical documentation", "s2.9.5"), skill("give constructive feedback", "t1.4.2")],
    criteria: "Audited a 40-record sample and presented the findings and an improvement plan.",
  },
];

export const icd11ClinicalCoding: CatalogEntry = {
  components,
  definition: {
    version: 1,
    id: pathwayId,
    title: "ICD-11 Clinical Coding",
    summary:
      "Five short modules that add up to a micro-credential in coding diagnoses and causes of death with ICD-11.",
    target: {
      title: "ICD-11 Clinical Coding",
      kind: "micro-credential",
      issuer: demoTargetIssuer,
      achievementId: achievementUrl("icd-11-clinical-coding"),
      eu: {
        workload: { hours: 60, ects: 2 },
        eqfLevel: eqf,
        learningOutcomes: [
          "Assign ICD-11 MMS codes, including postcoordinated clusters, to diagnoses documented in clinical records.",
          "Select the underlying cause of death and the main condition following the ICD-11 rules.",
          "Audit a coded sample and report agreement with the source records.",
        ],
        assessmentType: "Case-based coding tests per module, marked against reference coding",
        qualityAssurance: "Module review by the academy's (fictional) curriculum quality board every two years",
        participation: "Online, self-paced, with tutor feedback",
      },
    },
    requirements: {
      id: "modules",
      type: "all-of",
      label: "All five modules",
      children: components.map(componentRequirement),
    },
  },
};
