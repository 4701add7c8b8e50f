/** Interprofessional: three core modules, one of two specialisms, and 25 hours of the holder's own further learning. */
import {
  achievementUrl,
  componentRequirement,
  demoTargetIssuer,
  skill,
  type CatalogEntry,
  type DemoComponent,
} from "./demo-issuer";

const pathwayId = "refugee-migrant-health";
const eqf = 6;

const core: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "rights-access",
    achievementId: achievementUrl("health-rights-access-migrants"),
    eqf,
    hours: 12,
    title: "Health Rights and Access for Refugees and Migrants",
    description:
      "Entitlements to care by residence status, common barriers to access, and how to navigate them with the patient.",
    skills: [
      skill("advise on access to health services", "s3.2.1"),
      skill("apply health and social care legislation", "k0.4.2"),
    ],
    criteria: "Analysed three case vignettes and mapped each patient's route to care.",
  },
  {
    pathwayId,
    requirementId: "trauma-informed",
    achievementId: achievementUrl("trauma-informed-care"),
    eqf,
    hours: 15,
    title: "Trauma-Informed Care",
    description:
      "Recognising the effects of trauma and forced displacement, and adapting assessment and care to avoid re-traumatisation.",
    skills: [skill("apply trauma-informed care", "s2.4.1"), skill("show intercultural awareness", "t3.1.2")],
    criteria: "Observed simulated consultation with an actor-patient and a written reflection.",
  },
  {
    pathwayId,
    requirementId: "interpreters",
    achievementId: achievementUrl("working-with-interpreters"),
    eqf,
    hours: 8,
    title: "Working with Interpreters",
    description:
      "Briefing, positioning and turn-taking with professional interpreters, in person and remotely; when not to use family members.",
    skills: [skill("work with interpreters", "s2.4.2"), skill("show intercultural awareness", "t3.1.2")],
    criteria: "Led two interpreted role-play consultations, assessed with a structured checklist.",
  },
];

const specialisms: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "screening",
    achievementId: achievementUrl("infectious-disease-screening-reception"),
    eqf,
    hours: 15,
    title: "Infectious Disease Screening in Reception Settings",
    description:
      "Voluntary, rights-based screening for tuberculosis, hepatitis and HIV, and linking people to treatment and vaccination.",
    skills: [skill("carry out health screening", "s2.5.1"), skill("plan vaccination catch-up", "s2.5.2")],
    criteria: "Designed a screening and catch-up vaccination flow for a fictional reception centre.",
  },
  {
    pathwayId,
    requirementId: "maternal-child",
    achievementId: achievementUrl("maternal-child-health-migration"),
    eqf,
    hours: 15,
    title: "Maternal and Child Health in Migration",
    description:
      "Antenatal care, child growth and vaccination for families on the move, and continuity of care between countries.",
    skills: [skill("provide maternal and child health care", "s2.5.3")],
    criteria: "Wrote a continuity-of-care plan for a family moving between two (fictional) health systems.",
  },
];

export const refugeeMigrantHealth: CatalogEntry = {
  components: [...core, ...specialisms],
  definition: {
    version: 1,
    id: pathwayId,
    title: "Interprofessional Refugee and Migrant Health",
    summary:
      "For nurses, doctors, midwives, pharmacists and social workers: three core modules, one specialism, and 25 hours of related learning of your choice.",
    target: {
      title: "Interprofessional Refugee and Migrant Health",
      kind: "micro-credential",
      issuer: demoTargetIssuer,
      achievementId: achievementUrl("refugee-migrant-health"),
      eu: {
        workload: { hours: 75, ects: 3 },
        eqfLevel: eqf,
        learningOutcomes: [
          "Help refugees and migrants reach the care they are entitled to.",
          "Deliver trauma-informed care and work effectively with interpreters.",
          "Apply a rights-based approach to screening or to maternal and child health in migration.",
        ],
        assessmentType: "Simulations with actor-patients, case analyses and a written reflection",
        qualityAssurance:
          "Co-designed and reviewed with (fictional) refugee-led organisations and an interprofessional board",
        participation: "Blended: online modules and two in-person simulation days",
      },
    },
    requirements: {
      id: "all",
      type: "all-of",
      children: [
        ...core.map(componentRequirement),
        {
          id: "specialism",
          type: "any-of",
          count: 1,
          label: "One specialism",
          children: specialisms.map(componentRequirement),
        },
        {
          id: "further-learning",
          type: "min-hours",
          hours: 25,
          label: "At least 25 hours of further learning of your choice (any other credential with stated hours)",
        },
      ],
    },
  },
};
