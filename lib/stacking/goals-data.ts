import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { pathways } from "@/db/schema";
import { goalToDefinition, PATHWAY_DEFINITION_VERSION, type Goal } from "@/lib/stacking";
import { cleanLabel } from "@/lib/wallet/text-rules";
import { holderStack } from "./credentials-data";

export const GOALS_PER_HOLDER_MAX = 50;
const COMPONENTS_MAX = 40;

const label = (max: number, empty: string) =>
  z
    .string()
    .transform(cleanLabel)
    .pipe(z.string().min(1, empty).max(max, `Keep it under ${max} characters.`));

/** What the goal form sends: a target and the credentials (held or still to earn) that build it. */
export const goalInputSchema = z
  .object({
    title: label(120, "Give the goal a name."),
    targetTitle: label(200, "Name the credential you are working toward."),
    targetKind: z.enum(["micro-credential", "nano-degree", "certificate"]),
    targetIssuer: label(200, "Name who awards it.").optional(),
    heldCredentialIds: z.array(z.uuid()).max(COMPONENTS_MAX).default([]),
    /** Credentials still to earn, named as their issuer names them (so the goal recognises them on import). */
    toEarn: z
      .array(
        z
          .object({
            title: label(200, "A planned credential needs its title."),
            issuer: label(200, "Say who issues the planned credential."),
          })
          .strict(),
      )
      .max(COMPONENTS_MAX)
      .default([]),
    /** How many components must be met; all of them when absent. */
    count: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((goal) => goal.heldCredentialIds.length + goal.toEarn.length > 0, {
    message: "Choose at least one credential that counts toward the goal.",
    path: ["heldCredentialIds"],
  })
  .refine((goal) => goal.count === undefined || goal.count <= goal.heldCredentialIds.length + goal.toEarn.length, {
    message: "The goal asks for more components than it lists; it could never be met.",
    path: ["count"],
  });

export type GoalInput = z.input<typeof goalInputSchema>;

const GOAL_NOT_FOUND = "That goal was not found.";

/** A goal refused: every reason in one message, and each under the form's `goal` field. */
function goalRefused(code: "invalid_input" | "not_found" | "conflict", errors: string[]): DomainError {
  return new DomainError(code, errors.join(" "), { fieldErrors: { goal: errors } });
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "goal"
  );
}

/**
 * Creates a goal, or replaces one of the holder's goals (pathwayId). Components the holder already
 * holds must be in their wallet now; the goal then matches them by what they are (achievement, or
 * issuer and title), so deleting one later shows the part as missing rather than breaking.
 */
export async function saveGoal(
  db: Database,
  holderId: string,
  input: GoalInput,
  pathwayId?: string,
): Promise<{ id: string }> {
  const parsed = goalInputSchema.parse(input);
  const existing = pathwayId ? await getGoal(db, holderId, pathwayId) : null;
  if (pathwayId && !existing) throw goalRefused("not_found", [GOAL_NOT_FOUND]);
  const goal: Goal = {
    // An edited goal keeps its id (and so its slug); a new one gets a readable, unique one.
    id: existing?.goal?.id ?? `${slugOf(parsed.title)}-${crypto.randomUUID().slice(0, 8)}`,
    title: parsed.title,
    target: {
      title: parsed.targetTitle,
      kind: parsed.targetKind,
      ...(parsed.targetIssuer ? { issuerName: parsed.targetIssuer } : {}),
    },
    components: [
      ...parsed.heldCredentialIds.map((credentialId) => ({ credentialId })),
      ...parsed.toEarn.map((planned) => ({ label: planned.title, title: planned.title, issuerName: planned.issuer })),
    ],
    ...(parsed.count !== undefined ? { count: parsed.count } : {}),
  };
  const stack = await holderStack(db, holderId);
  const failed = parsed.heldCredentialIds.flatMap((id) =>
    stack.disqualified.has(id) ? [stack.disqualified.get(id)!] : [],
  );
  if (failed.length > 0)
    throw goalRefused(
      "invalid_input",
      failed.map(
        (title) =>
          `“${title}” failed verification, so it cannot count toward a goal. Re-check it on its page, or leave it out.`,
      ),
    );
  const result = goalToDefinition(goal, stack.counted);
  if (!result.ok) throw goalRefused("invalid_input", result.errors);
  const { definition } = result;
  return db.transaction(async (tx) => {
    if (pathwayId) {
      const [updated] = await tx
        .update(pathways)
        .set({ definition, slug: definition.id, goal, updatedAt: new Date() })
        .where(and(eq(pathways.id, pathwayId), eq(pathways.holderId, holderId), eq(pathways.source, "goal")))
        .returning({ id: pathways.id });
      if (!updated) throw goalRefused("not_found", [GOAL_NOT_FOUND]);
      return updated;
    }
    const count = await tx.$count(pathways, and(eq(pathways.holderId, holderId), eq(pathways.source, "goal")));
    if (count >= GOALS_PER_HOLDER_MAX)
      throw goalRefused("conflict", [
        `You can keep up to ${GOALS_PER_HOLDER_MAX} goals. Delete one you no longer need first.`,
      ]);
    const [created] = await tx
      .insert(pathways)
      .values({ holderId, slug: definition.id, source: "goal", version: PATHWAY_DEFINITION_VERSION, definition, goal })
      .returning({ id: pathways.id });
    return created!;
  });
}

export async function deleteGoal(db: Database, holderId: string, pathwayId: string): Promise<boolean> {
  const rows = await db
    .delete(pathways)
    .where(and(eq(pathways.id, pathwayId), eq(pathways.holderId, holderId), eq(pathways.source, "goal")))
    .returning({ id: pathways.id });
  return rows.length === 1;
}

export async function getGoal(
  db: Database,
  holderId: string,
  pathwayId: string,
): Promise<{ id: string; goal: Goal | null } | null> {
  const [row] = await db
    .select({ id: pathways.id, goal: pathways.goal })
    .from(pathways)
    .where(and(eq(pathways.id, pathwayId), eq(pathways.holderId, holderId), eq(pathways.source, "goal")));
  return row ?? null;
}
