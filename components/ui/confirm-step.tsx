"use client";

import { useId, useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * A destructive action in two steps, so a stray tap on a phone never deletes: the first button
 * asks the question in words, the safe answer has focus, the second button acts.
 */
export function ConfirmStep({
  trigger,
  question,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Keep it",
  pending,
  error,
  onConfirm,
}: {
  trigger: string;
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
}) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        {trigger}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="break-words">
        {question}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button type="button" variant="ghost" autoFocus onClick={() => setConfirming(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
