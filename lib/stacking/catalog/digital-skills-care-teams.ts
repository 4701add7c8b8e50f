/** Two core modules and any two of three options; the cyber-hygiene badge expires, so renewal shows. */
import {
  achievementUrl,
  componentRequirement,
  demoTargetIssuer,
  skill,
  type CatalogEntry,
  type DemoComponent,
} from "./demo-issuer";

const pathwayId = "digital-skills-care-teams";
const eqf = 4;

const core: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "care-record",
    achievementId: achievementUrl("safe-use-electronic-care-record"),
    eqf,
    hours: 8,
    title: "Safe Use of the Electronic Care Record",
    description:
      "Recording care accurately, reading alerts, and handing over through the electronic record without losing information.",
    skills: [skill("work with electronic health records", "s5.6.1"), skill("document care activities", "s2.3.1")],
    criteria: "Completed a simulated shift in a training record system, checked by an assessor.",
  },
  {
    pathwayId,
    requirementId: "telehealth",
    achievementId: achievementUrl("telehealth-consultations"),
    eqf,
    hours: 8,
    title: "Telehealth Consultations in Practice",
    description:
      "Preparing, running and documenting video and phone consultations, including consent and when to escalate to a face-to-face visit.",
    skills: [skill("use digital communication tools", "s5.6.2"), skill("communicate with patients remotely", "s2.3.2")],
    criteria: "Ran two observed role-play consultations and documented them.",
  },
];

const options: DemoComponent[] = [
  {
    pathwayId,
    requirementId: "cyber-hygiene",
    achievementId: achievementUrl("cyber-hygiene-care-staff"),
    eqf,
    hours: 6,
    title: "Cyber Hygiene for Care Staff",
    description: "Passwords and passkeys, phishing on the ward, shared devices, and reporting a security incident.",
    skills: [skill("protect personal health data", "s5.8.1"), skill("recognise phishing", "s5.8.2")],
    criteria: "Passed a phishing-simulation exercise and a 15-question quiz.",
    validForMonths: 12,
  },
  {
    pathwayId,
    requirementId: "remote-monitoring",
    achievementId: achievementUrl("assistive-tech-remote-monitoring"),
    eqf,
    hours: 6,
    title: "Assistive Technology and Remote Monitoring",
    description:
      "Setting up and checking fall sensors, pulse oximeters and medication dispensers at home, and acting on their alerts.",
    skills: [skill("operate remote monitoring devices", "s5.6.3")],
    criteria: "Set up three devices in a training flat and responded correctly to simulated alerts.",
  },
  {
    pathwayId,
    requirementId: "digital-inclusion",
    achievementId: achievementUrl("digital-inclusion-patients"),
    eqf,
    hours: 6,
    title: "Digital Inclusion for Patients and Families",
    description:
      "Helping people with low digital confidence use patient portals and video visits, with accessibility settings.",
    skills: [skill("support users of digital services", "s5.6.5"), skill("use digital communication tools", "s5.6.2")],
    criteria: "Coached a volunteer through a patient-portal task and wrote a short reflection.",
  },
];

export const digitalSkillsCareTeams: CatalogEntry = {
  components: [...core, ...options],
  definition: {
    version: 1,
    id: pathwayId,
    title: "Digital Skills for Care Teams",
    summary:
      "The everyday digital skills of a care team: the electronic record, telehealth, and two of three further topics.",
    target: {
      title: "Digital Skills for Care Teams",
      kind: "micro-credential",
      issuer: demoTargetIssuer,
      achievementId: achievementUrl("digital-skills-care-teams"),
      eu: {
        workload: { hours: 28, ects: 1 },
        eqfLevel: eqf,
        learningOutcomes: [
          "Use the electronic care record and telehealth tools safely in daily care.",
          "Recognise and report common digital security threats.",
          "Support patients and families in using digital care services.",
        ],
        assessmentType: "Observed practical tasks and short online quizzes",
        qualityAssurance: "Reviewed yearly with care-home and home-care employers (fictional advisory panel)",
        participation: "Blended: online modules and one practice session in person",
      },
    },
    requirements: {
      id: "all",
      type: "all-of",
      children: [
        ...core.map(componentRequirement),
        {
          id: "options",
          type: "any-of",
          count: 2,
          label: "Any two of these three topics",
          children: options.map(componentRequirement),
        },
      ],
    },
  },
};
