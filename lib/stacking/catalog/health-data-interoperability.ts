/** Any three of four modules: the holder chooses the angle on health data that fits their job. */
import {
  achievementUrl,
  componentRequirement,
  demoTargetIssuer,
  skill,
  type CatalogEntry,
  type DemoComponent,
} from "./demo-issuer";

const pathwayId = "health-data-interoperability";
const eqf = 6;

const components: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "fhir",
    achievementId: achievementUrl("fhir-resources-in-practice"),
    eqf,
    hours: 15,
    title: "FHIR Resources and APIs in Practice",
    description:
      "Reading and writing Patient, Observation and Condition resources, and what a RESTful health API exchange looks like.",
    skills: [
      skill("exchange health data with standard interfaces", "s5.7.1"),
      skill("use health data standards", "s5.7.2"),
    ],
    criteria: "Built and queried a small FHIR test server with synthetic patients; tutor-reviewed report.",
  },
  {
    pathwayId,
    requirementId: "terminologies",
    achievementId: achievementUrl("clinical-terminologies-basics"),
    eqf,
    hours: 15,
    title: "Clinical Terminologies: SNOMED CT and LOINC Basics",
    description: "Concepts, hierarchies and value sets; mapping local lab and problem lists to shared terminologies.",
    skills: [skill("use health data standards", "s5.7.2"), skill("search clinical terminology tools", "s5.6.4")],
    criteria: "Mapped a 50-item local problem list and lab catalogue; accuracy checked against a reference map.",
  },
  {
    pathwayId,
    requirementId: "data-protection",
    achievementId: achievementUrl("health-data-protection-gdpr"),
    eqf,
    hours: 15,
    title: "Health Data Protection under the GDPR",
    description:
      "Lawful bases for processing health data, pseudonymisation, access logging and data-subject rights in care settings.",
    skills: [skill("protect personal health data", "s5.8.1"), skill("apply data protection law", "k0.4.1")],
    criteria: "Wrote a data-protection impact assessment for a fictional remote-monitoring service.",
    validForMonths: 24,
  },
  {
    pathwayId,
    requirementId: "data-quality",
    achievementId: achievementUrl("data-quality-clinical-registries"),
    eqf,
    hours: 15,
    title: "Data Quality in Clinical Registries",
    description:
      "Completeness, validity and timeliness checks for registry data, and feeding errors back to the wards that record them.",
    skills: [skill("manage health data quality", "s5.7.3"), skill("analyse health data", "s5.7.4")],
    criteria: "Profiled a synthetic registry extract and proposed five data-quality rules with their rationale.",
  },
];

export const healthDataInteroperability: CatalogEntry = {
  components,
  definition: {
    version: 1,
    id: pathwayId,
    title: "Health Data and Interoperability",
    summary: "Choose any three of four modules on exchanging, coding, protecting and checking health data.",
    target: {
      title: "Health Data and Interoperability",
      kind: "micro-credential",
      issuer: demoTargetIssuer,
      achievementId: achievementUrl("health-data-interoperability"),
      eu: {
        workload: { hours: 45, ects: 1.5 },
        eqfLevel: eqf,
        learningOutcomes: [
          "Explain how clinical data moves between systems using standard resources and terminologies.",
          "Apply data-protection safeguards to a health-data flow.",
          "Assess and improve the quality of routinely collected health data.",
        ],
        assessmentType: "Practical assignment per module, tutor-reviewed",
        qualityAssurance: "External peer review of module content by a (fictional) partner university",
        participation: "Online with two live seminars",
      },
    },
    requirements: {
      id: "modules",
      type: "any-of",
      count: 3,
      label: "Any three of the four modules",
      children: components.map(componentRequirement),
    },
  },
};
