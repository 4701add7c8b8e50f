"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { DomainError } from "@/lib/errors/domain-error";
import { followPathway, unfollowPathway } from "@/lib/stacking/data";
import { deleteGoal, goalInputSchema, saveGoal } from "@/lib/stacking/goals-data";

const pathwayNotFound = () => new DomainError("not_found", "That pathway was not found.");

export const followPathwayAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, { holder, db }) => {
    if (!(await followPathway(db, holder.id, pathwayId))) throw pathwayNotFound();
    revalidatePath("/pathways", "layout");
    return { pathwayId, followed: true };
  },
);

export const unfollowPathwayAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, { holder, db }) => {
    if (!(await unfollowPathway(db, holder.id, pathwayId))) throw pathwayNotFound();
    revalidatePath("/pathways", "layout");
    return { pathwayId, followed: false };
  },
);

/** Creates a goal, or replaces one of the holder's goals when `pathwayId` is given. */
export const saveGoalAction = holderAction(
  z.object({ pathwayId: z.uuid().optional(), goal: goalInputSchema }).strict(),
  async ({ pathwayId, goal }, { holder, db }) => {
    const saved = await saveGoal(db, holder.id, goal, pathwayId);
    revalidatePath("/pathways", "layout");
    return saved;
  },
);

export const deleteGoalAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, { holder, db }) => {
    if (!(await deleteGoal(db, holder.id, pathwayId))) throw new DomainError("not_found", "That goal was not found.");
    revalidatePath("/pathways", "layout");
    return { pathwayId };
  },
);
