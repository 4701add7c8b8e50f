/**
 * A nano-degree that stacks two micro-credential pathways, a capstone, an entry qualification and
 * hands-on evidence. Holding either micro-credential itself meets that part outright.
 */
import {
  achievementUrl,
  componentRequirement,
  demoTargetIssuer,
  skill,
  type CatalogEntry,
  type DemoComponent,
} from "./demo-issuer";

const pathwayId = "health-informatics";
const eqf = 6;

const capstone: DemoComponent = {
  pathwayId,
  requirementId: "capstone",
  achievementId: achievementUrl("health-informatics-capstone"),
  eqf,
  hours: 60,
  ects: 2,
  title: "Health Informatics Capstone Project",
  description:
    "A supervised project in the holder's own workplace: improve one clinical data flow, from coding to exchange to reporting.",
  skills: [skill("manage health informatics projects", "s5.7.5"), skill("analyse health data", "s5.7.4")],
  criteria: "Project report and a 20-minute presentation to a panel of two assessors.",
};

export const healthInformatics: CatalogEntry = {
  components: [capstone],
  definition: {
    version: 1,
    id: pathwayId,
    title: "Health Informatics",
    summary:
      "A nano-degree built from the ICD-11 Clinical Coding and Health Data and Interoperability micro-credentials, a workplace capstone, and evidence that you already work with electronic records.",
    target: {
      title: "Health Informatics",
      kind: "nano-degree",
      issuer: demoTargetIssuer,
      achievementId: achievementUrl("health-informatics-nano-degree"),
      eu: {
        workload: { hours: 205, ects: 8 },
        eqfLevel: eqf,
        learningOutcomes: [
          "Code, exchange and protect clinical data using international classifications, terminologies and standards.",
          "Assess and improve the quality of health data in a care organisation.",
          "Plan and deliver a small health-informatics improvement project.",
        ],
        assessmentType: "Module assessments plus a capstone project assessed by a panel",
        qualityAssurance: "Programme review every three years with an external examiner (fictional)",
        participation: "Online modules and a workplace-based capstone",
      },
    },
    requirements: {
      id: "all",
      type: "all-of",
      children: [
        {
          id: "entry",
          type: "min-eqf",
          level: 5,
          label:
            "A professional qualification at EQF level 5 or higher (your nursing, allied-health or similar qualification)",
        },
        { id: "coding", type: "pathway", pathwayId: "icd-11-clinical-coding" },
        { id: "interoperability", type: "pathway", pathwayId: "health-data-interoperability" },
        componentRequirement(capstone),
        {
          id: "ehr-practice",
          type: "skills-covered",
          label: "Evidence from another credential that you work with electronic health records",
          skills: [
            {
              name: "work with electronic health records",
              framework: "ESCO-style skills (demo mapping)",
              code: "demo-esco:s5.6.1",
            },
          ],
        },
        {
          id: "electives",
          type: "min-hours",
          hours: 40,
          label: "At least 40 hours of further learning of your choice",
        },
      ],
    },
  },
};
