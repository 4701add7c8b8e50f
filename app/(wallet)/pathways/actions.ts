"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { ActionError, holderAction } from "@/lib/actions/action";
import { followPathway, unfollowPathway } from "@/lib/stacking/data";
import { deleteGoal, GoalError, goalInputSchema, saveGoal } from "@/lib/stacking/goals-data";

const PATHWAY_NOT_FOUND = "That pathway was not found.";
const GOAL_NOT_FOUND = "That goal was not found.";

export const followPathwayAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, holder) => {
    if (!(await followPathway(getDb(), holder.id, pathwayId))) throw new ActionError("not_found", PATHWAY_NOT_FOUND);
    revalidatePath("/pathways", "layout");
    return { pathwayId, followed: true };
  },
);

export const unfollowPathwayAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, holder) => {
    if (!(await unfollowPathway(getDb(), holder.id, pathwayId))) throw new ActionError("not_found", PATHWAY_NOT_FOUND);
    revalidatePath("/pathways", "layout");
    return { pathwayId, followed: false };
  },
);

/** Creates a goal, or replaces one of the holder's goals when `pathwayId` is given. */
export const saveGoalAction = holderAction(
  z.object({ pathwayId: z.uuid().optional(), goal: goalInputSchema }).strict(),
  async ({ pathwayId, goal }, holder) => {
    try {
      const saved = await saveGoal(getDb(), holder.id, goal, pathwayId);
      revalidatePath("/pathways", "layout");
      return saved;
    } catch (error) {
      if (error instanceof GoalError) {
        throw new ActionError(
          error.errors.includes(GOAL_NOT_FOUND) ? "not_found" : "invalid_input",
          error.errors.join(" "),
          { goal: error.errors },
        );
      }
      throw error;
    }
  },
);

export const deleteGoalAction = holderAction(
  z.object({ pathwayId: z.uuid() }).strict(),
  async ({ pathwayId }, holder) => {
    if (!(await deleteGoal(getDb(), holder.id, pathwayId))) throw new ActionError("not_found", GOAL_NOT_FOUND);
    revalidatePath("/pathways", "layout");
    return { pathwayId };
  },
);
