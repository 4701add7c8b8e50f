import { z } from "zod";

export const CPD_PROFILE_VERSION = 1;

/** Hours credited per ECTS credit when a credential states only ECTS (ECTS Users' Guide: 25–30 h). */
export const DEFAULT_HOURS_PER_ECTS = 25;

/** Kinds of record a rule can count; every counted activity is a "cpd-activity". */
export const RECORD_KINDS = [
  "cpd-activity",
  "planned-learning",
  "peer-discussion",
  "reflective-account",
  "practice-feedback",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  "cpd-activity": "CPD activity",
  "planned-learning": "Planned learning",
  "peer-discussion": "Peer discussion",
  "reflective-account": "Reflective account",
  "practice-feedback": "Practice-related feedback",
};

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
  .max(60, "At most 60 characters.");
const label = z.string().trim().min(1, "Give it a name.").max(120, "At most 120 characters.");
const hours = z
  .number({ error: "Hours must be a number." })
  .positive("Hours must be more than zero.")
  .max(2000, "At most 2000 hours.");

/**
 * `exclusive`: a credential counted by an exclusive rule counts toward no other exclusive rule
 * (two required topics cannot both claim one course). Non-exclusive rules (total hours,
 * participatory hours, record counts) may count any activity, including one an exclusive rule took.
 */
const common = { id, label, exclusive: z.boolean().default(false) };

const totalHoursRule = z.object({ ...common, kind: z.literal("total-hours"), minHours: hours }).strict();
const participatoryHoursRule = z
  .object({ ...common, kind: z.literal("participatory-hours"), minHours: hours })
  .strict();
const topicHoursRule = z
  .object({
    ...common,
    kind: z.literal("topic-hours"),
    topic: label,
    /** Words matched, whole-word and case-insensitive, against the credential's skills, alignments, outcomes, title and tags. */
    keywords: z
      .array(z.string().trim().min(2, "Keywords need at least 2 characters.").max(60))
      .min(1, "List at least one keyword.")
      .max(20),
    minHours: hours,
  })
  .strict();
const recordCountRule = z
  .object({
    ...common,
    kind: z.literal("record-count"),
    recordKind: z.enum(RECORD_KINDS, {
      error: (issue) =>
        `Unknown record kind${issue.input === undefined ? "" : ` "${String(issue.input)}"`}; use one of ${RECORD_KINDS.join(", ")}.`,
    }),
    minCount: z.number().int("A count is a whole number.").positive("A count must be at least 1.").max(100),
  })
  .strict();

export const cpdRuleSchema = z.discriminatedUnion(
  "kind",
  [totalHoursRule, participatoryHoursRule, topicHoursRule, recordCountRule],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `Unknown rule kind; use total-hours, participatory-hours, topic-hours or record-count.`
        : undefined,
  },
);

const isoDate = z.iso.date("Use a date like 2026-12-06.");

const profileShape = z
  .object({
    id,
    name: label,
    regulator: label,
    profession: label,
    jurisdiction: label,
    source: z
      .object({
        title: z.string().trim().min(1, "Name the source.").max(300, "At most 300 characters."),
        url: z.url({ protocol: /^https$/, error: "The source must be an https:// link." }).optional(),
        retrieved: isoDate,
        note: z.string().max(1000).optional(),
      })
      .strict(),
    cycleMonths: z
      .number()
      .int("Months are a whole number.")
      .min(1, "A cycle is at least 1 month.")
      .max(120, "A cycle is at most 120 months."),
    hoursPerEcts: z.number().positive().max(60).default(DEFAULT_HOURS_PER_ECTS),
    rules: z.array(cpdRuleSchema).min(1, "A profile needs at least one rule.").max(30, "At most 30 rules."),
  })
  .strict();

/** The same schema checks seeded profiles, the holder's form and stored rows. */
export const cpdProfileSchema = profileShape.superRefine((profile, ctx) => {
  const seen = new Set<string>();
  profile.rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      ctx.addIssue({
        code: "custom",
        path: ["rules", index, "id"],
        message: `Two rules have the id "${rule.id}"; each rule needs its own.`,
      });
    seen.add(rule.id);
  });
  const totals = profile.rules.filter((r) => r.kind === "total-hours");
  if (totals.length > 1)
    ctx.addIssue({ code: "custom", path: ["rules"], message: "A profile can have only one total-hours rule." });
  const total = totals[0];
  if (!total) return;
  profile.rules.forEach((rule, index) => {
    if ((rule.kind === "participatory-hours" || rule.kind === "topic-hours") && rule.minHours > total.minHours) {
      ctx.addIssue({
        code: "custom",
        path: ["rules", index, "minHours"],
        message: `"${rule.label}" asks for ${rule.minHours} h but the total is ${total.minHours} h: a part cannot need more than the whole.`,
      });
    }
  });
  const exclusiveTopicHours = profile.rules
    .filter((r) => r.kind === "topic-hours" && r.exclusive)
    .reduce((sum, r) => sum + (r.kind === "topic-hours" ? r.minHours : 0), 0);
  if (exclusiveTopicHours > total.minHours) {
    ctx.addIssue({
      code: "custom",
      path: ["rules"],
      message: `The topics that cannot share a credential need ${exclusiveTopicHours} h together, more than the total of ${total.minHours} h.`,
    });
  }
});

export type CpdProfile = z.output<typeof cpdProfileSchema>;
export type CpdProfileInput = z.input<typeof cpdProfileSchema>;
export type CpdRule = CpdProfile["rules"][number];

export type ProfileCheck = { ok: true; profile: CpdProfile } | { ok: false; errors: string[] };

/** Errors as sentences a person can act on, each naming where it is. */
export function checkProfile(input: unknown): ProfileCheck {
  const parsed = cpdProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    ),
  };
}
