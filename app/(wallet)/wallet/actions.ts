"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holderAction } from "@/lib/actions/action";
import { dismissFirstSteps } from "@/lib/first-steps/data";

/** Puts the wallet's "First steps" checklist away for this holder, on every device. */
export const dismissFirstStepsAction = holderAction(z.object({}).strict(), async (_input, { holder, db }) => {
  await dismissFirstSteps(db, holder.id);
  revalidatePath("/wallet");
  return { dismissed: true };
});
