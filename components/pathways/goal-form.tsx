"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { saveGoalAction } from "@/app/(wallet)/pathways/actions";
import { ActionFailed, callAction, failureMessage } from "@/components/credential/action-call";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { GoalInput } from "@/lib/stacking/goals-data";
import type { WalletPageView } from "@/lib/wallet/view";
import { checkGoalDraft, FIELD_IDS, GOAL_KINDS, GOAL_LIMITS, type DraftErrors, type GoalDraft } from "./goal-draft";
import { HeldCredentialsPicker, type ChosenCredential } from "./held-credentials-picker";
import { ToEarnRows } from "./to-earn-rows";

/** What the server said, each message once: its field messages when it gave any, else its summary. */
function serverMessages(error: unknown): string[] {
  if (error instanceof ActionFailed && error.fieldErrors) {
    const listed = [...new Set(Object.values(error.fieldErrors).flat())];
    if (listed.length > 0) return listed;
  }
  return [failureMessage(error)];
}

/**
 * Create a goal, or edit one (pathwayId): the target, the credentials already held, the ones
 * still to earn, and how many must be met. Checked here field by field first; what the server
 * still refuses is shown as an alert, and saving opens the goal's stack view.
 */
export function GoalForm({
  pathwayId,
  initial,
  initialChosen,
  renderId,
  initialPage,
}: {
  pathwayId?: string;
  initial: GoalDraft;
  initialChosen: ChosenCredential[];
  renderId: string;
  initialPage: WalletPageView;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [chosen, setChosen] = useState(initialChosen);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [refused, setRefused] = useState<string[]>([]);
  const refusedBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refused.length > 0) refusedBox.current?.focus();
  }, [refused]);

  const save = useMutation({
    mutationFn: (goal: GoalInput) => callAction(() => saveGoalAction(pathwayId ? { pathwayId, goal } : { goal })),
    onMutate: () => setRefused([]),
    onSuccess: ({ id }) => router.push(`/pathways/${id}`),
    onError: (error) => setRefused(serverMessages(error)),
  });

  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (save.isPending) return;
        const checked = checkGoalDraft({ ...draft, heldCredentialIds: chosen.map((c) => c.id) });
        if (!checked.ok) {
          setErrors(checked.errors);
          setRefused([]);
          const first = Object.keys(checked.errors)[0];
          if (first) document.getElementById(first)?.focus();
          return;
        }
        setErrors({});
        save.mutate(checked.goal);
      }}
    >
      <div className="flex flex-col gap-4">
        <TextField
          label="Goal name"
          name={FIELD_IDS.title}
          value={draft.title}
          maxLength={GOAL_LIMITS.title}
          autoComplete="off"
          placeholder="e.g. Step up to ICU"
          error={errors[FIELD_IDS.title]}
          onChange={(e) => set("title", e.target.value)}
        />
        <TextField
          label="Credential you are working toward"
          name={FIELD_IDS.targetTitle}
          value={draft.targetTitle}
          maxLength={GOAL_LIMITS.targetTitle}
          autoComplete="off"
          hint="Its title, as the awarding body names it."
          error={errors[FIELD_IDS.targetTitle]}
          onChange={(e) => set("targetTitle", e.target.value)}
        />
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">Kind of credential</legend>
          {GOAL_KINDS.map((kind) => (
            <label
              key={kind.value}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <input
                type="radio"
                name="goal-kind"
                value={kind.value}
                checked={draft.targetKind === kind.value}
                onChange={() => set("targetKind", kind.value)}
                className="h-5 w-5 shrink-0 accent-brand-700 dark:accent-brand-300"
              />
              <span>
                {kind.label}
                <span className="text-sm text-slate-700 dark:text-slate-300"> ({kind.hint})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label="Awarded by (optional)"
          name={FIELD_IDS.targetIssuer}
          value={draft.targetIssuer}
          maxLength={GOAL_LIMITS.targetIssuer}
          autoComplete="off"
          hint="The university, college or provider that awards it."
          error={errors[FIELD_IDS.targetIssuer]}
          onChange={(e) => set("targetIssuer", e.target.value)}
        />
      </div>

      <HeldCredentialsPicker
        renderId={renderId}
        initialPage={initialPage}
        chosen={chosen}
        onChange={setChosen}
        error={errors[FIELD_IDS.held]}
      />
      <ToEarnRows rows={draft.toEarn} onChange={(rows) => set("toEarn", rows)} errors={errors} />

      <TextField
        label="How many must be met (optional)"
        name={FIELD_IDS.count}
        value={draft.count}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        hint="Leave it empty when every credential listed is needed."
        error={errors[FIELD_IDS.count]}
        onChange={(e) => set("count", e.target.value)}
      />

      {refused.length > 0 ? (
        <div ref={refusedBox} tabIndex={-1}>
          <Alert tone="error" title="The goal was not saved">
            {refused.length === 1 ? (
              <p className="wrap-anywhere">{refused[0]}</p>
            ) : (
              <ul className="list-disc pl-5">
                {refused.map((message) => (
                  <li key={message} className="wrap-anywhere">
                    {message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending || save.isSuccess}>
          Save goal
        </Button>
        <Link
          href={pathwayId ? `/pathways/${pathwayId}` : "/pathways"}
          className="text-sm font-semibold underline underline-offset-2"
        >
          Cancel
        </Link>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {save.isPending ? "Saving…" : ""}
        </p>
      </div>
    </form>
  );
}
