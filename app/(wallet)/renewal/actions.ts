"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction, holderFormAction } from "@/lib/actions/action";
import { clearActivityOverride, saveActivityOverride } from "@/lib/cpd/activities-data";
import { createCycle, deleteCycle } from "@/lib/cpd/cycles-data";
import { cycleEndFor, toDay } from "@/lib/cpd/dates";
import { CREDENTIAL_NOT_FOUND, CYCLE_NOT_FOUND, PROFILE_NOT_FOUND } from "@/lib/cpd/errors";
import { formErrors, holderProfileFormSchema, profileFromForm } from "@/lib/cpd/holder-profile-form";
import { cpdProfileSchema, RECORD_KINDS } from "@/lib/cpd/profile-schema";
import { createHolderProfile, deleteHolderProfile, requireProfileForHolder } from "@/lib/cpd/profiles-data";
import { saveReminderSettings } from "@/lib/cpd/reminders-data";
import { DomainError } from "@/lib/errors/domain-error";

const day = z.string().trim().max(10);

export const startCycleAction = holderFormAction(
  z.object({ profileId: z.uuid(PROFILE_NOT_FOUND), startsOn: day, endsOn: day.default("") }).strict(),
  async (input, { holder, db }) => {
    const profile = await requireProfileForHolder(db, holder.id, input.profileId);
    const endsOn =
      input.endsOn ||
      (/^\d{4}-\d{2}-\d{2}$/.test(input.startsOn) ? cycleEndFor(input.startsOn, profile.definition.cycleMonths) : "");
    const cycle = await createCycle(db, holder.id, { profileId: input.profileId, startsOn: input.startsOn, endsOn });
    revalidatePath("/renewal", "layout");
    return cycle;
  },
);

export const deleteCycleAction = holderAction(
  z.object({ cycleId: z.uuid() }).strict(),
  async ({ cycleId }, { holder, db }) => {
    if (!(await deleteCycle(db, holder.id, cycleId))) throw new DomainError("not_found", CYCLE_NOT_FOUND);
    revalidatePath("/renewal", "layout");
    return { cycleId };
  },
);

const topicList = z
  .string()
  .max(1000)
  .transform((v) => {
    const topics = v
      .split(/[,;\n]/)
      .map((t) => t.trim())
      .filter(Boolean);
    return topics.length === 0 ? null : topics.slice(0, 20);
  });

export const saveActivityAction = holderFormAction(
  z
    .object({
      credentialId: z.uuid(CREDENTIAL_NOT_FOUND),
      hours: z
        .string()
        .trim()
        .max(10)
        .transform((v, ctx) => {
          if (v === "") return null;
          const n = Number(v);
          if (!Number.isFinite(n) || n < 0 || n > 2000) {
            ctx.addIssue({ code: "custom", message: "Hours must be a number from 0 to 2000." });
            return z.NEVER;
          }
          return Math.round(n * 100) / 100;
        }),
      participatory: z.enum(["auto", "yes", "no"]),
      topics: topicList,
      recordKinds: z.union([z.enum(RECORD_KINDS), z.array(z.enum(RECORD_KINDS)).max(RECORD_KINDS.length)]).optional(),
      kindsChosen: z.literal("1").optional(),
      excluded: z.literal("on").optional(),
    })
    .strict(),
  async (input, { holder, db }) => {
    const kinds =
      input.recordKinds === undefined ? [] : Array.isArray(input.recordKinds) ? input.recordKinds : [input.recordKinds];
    await saveActivityOverride(db, holder.id, input.credentialId, {
      hours: input.hours,
      participatory: input.participatory === "auto" ? null : input.participatory === "yes",
      topics: input.topics,
      recordKinds: input.kindsChosen ? [...new Set(kinds)] : null,
      excluded: input.excluded === "on",
    });
    revalidatePath("/renewal", "layout");
    return { saved: true };
  },
);

export const resetActivityAction = holderAction(
  z.object({ credentialId: z.uuid() }).strict(),
  async ({ credentialId }, { holder, db }) => {
    await clearActivityOverride(db, holder.id, credentialId);
    revalidatePath("/renewal", "layout");
    return { credentialId };
  },
);

export const createProfileAction = holderFormAction(holderProfileFormSchema, async (form, { holder, db }) => {
  const draft = profileFromForm(form, toDay(new Date()));
  const parsed = cpdProfileSchema.safeParse(draft);
  if (!parsed.success) {
    const errors = formErrors(draft, parsed.error.issues);
    throw new DomainError("invalid_input", errors[0] ?? "Please check the profile.", {
      fieldErrors: { profile: errors },
    });
  }
  const row = await createHolderProfile(db, holder.id, parsed.data);
  revalidatePath("/renewal", "layout");
  return { profileId: row.id };
});

export const deleteProfileAction = holderAction(
  z.object({ profileId: z.uuid() }).strict(),
  async ({ profileId }, { holder, db }) => {
    if (!(await deleteHolderProfile(db, holder.id, profileId))) throw new DomainError("not_found", PROFILE_NOT_FOUND);
    revalidatePath("/renewal", "layout");
    return { profileId };
  },
);

export const saveReminderSettingsAction = holderFormAction(
  z.object({ inApp: z.literal("on").optional(), email: z.literal("on").optional() }).strict(),
  async (input, { holder, db }) => {
    await saveReminderSettings(db, holder.id, { inApp: input.inApp === "on", email: input.email === "on" });
    revalidatePath("/", "layout");
    return { saved: true };
  },
);
