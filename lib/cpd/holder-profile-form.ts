import { z } from "zod";
import type { CpdProfileInput } from "./profile-schema";

/** The "your own profile" form's fields, turned into a profile the shared schema then checks. */
const optionalNumber = z
  .string()
  .trim()
  .max(10)
  .default("")
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "Enter a number." });
      return z.NEVER;
    }
    return n;
  });

export const holderProfileFormSchema = z
  .object({
    name: z.string().trim().min(1, "Give the profile a name.").max(120, "At most 120 characters."),
    regulator: z
      .string()
      .trim()
      .min(1, "Say who sets the rules, e.g. your employer.")
      .max(120, "At most 120 characters."),
    profession: z.string().trim().max(120).default(""),
    cycleMonths: optionalNumber,
    totalHours: optionalNumber,
    participatoryHours: optionalNumber,
    reflectiveAccounts: optionalNumber,
    topicsExclusive: z.literal("on").optional(),
    topic0: z.string().trim().max(120).default(""),
    topic0Hours: optionalNumber,
    topic1: z.string().trim().max(120).default(""),
    topic1Hours: optionalNumber,
    topic2: z.string().trim().max(120).default(""),
    topic2Hours: optionalNumber,
  })
  .strict();

export type HolderProfileForm = z.output<typeof holderProfileFormSchema>;

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "my-profile"
  );
}

export function profileFromForm(f: HolderProfileForm, today: string): CpdProfileInput {
  const rules: unknown[] = [];
  if (f.totalHours !== null)
    rules.push({ id: "total-hours", kind: "total-hours", label: "Total hours", minHours: f.totalHours });
  if (f.participatoryHours !== null)
    rules.push({
      id: "participatory-hours",
      kind: "participatory-hours",
      label: "Participatory hours",
      minHours: f.participatoryHours,
    });
  const slots = [
    [f.topic0, f.topic0Hours],
    [f.topic1, f.topic1Hours],
    [f.topic2, f.topic2Hours],
  ] as const;
  for (const [i, [topic, hours]] of slots.entries()) {
    if (topic === "" && hours === null) continue;
    rules.push({
      id: `topic-${i + 1}`,
      kind: "topic-hours",
      label: topic || `Topic ${i + 1}`,
      topic: topic || `Topic ${i + 1}`,
      keywords: [topic || `Topic ${i + 1}`],
      minHours: hours ?? 0,
      exclusive: f.topicsExclusive === "on",
    });
  }
  if (f.reflectiveAccounts !== null)
    rules.push({
      id: "reflective-accounts",
      kind: "record-count",
      label: "Reflective accounts",
      recordKind: "reflective-account",
      minCount: f.reflectiveAccounts,
    });
  return {
    id: slugOf(f.name),
    name: f.name,
    regulator: f.regulator,
    profession: f.profession || "Any",
    jurisdiction: "Set by you",
    source: { title: `Defined by the holder (${f.regulator})`, retrieved: today },
    cycleMonths: f.cycleMonths ?? 0,
    rules: rules as CpdProfileInput["rules"],
  };
}

/** Errors of the built profile in the form's words: which rule, then what is wrong. */
export function formErrors(
  profile: CpdProfileInput,
  issues: readonly { path: PropertyKey[]; message: string }[],
): string[] {
  return issues.map((issue) => {
    const [head, index] = issue.path;
    if (head === "rules" && typeof index === "number")
      return `${profile.rules[index]?.label ?? "A rule"}: ${issue.message}`;
    if (head === "cycleMonths") return `Cycle length: ${issue.message}`;
    return issue.message;
  });
}
