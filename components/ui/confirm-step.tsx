"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
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
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  // "Keep it" removes the question; focus goes back to the button that asked it, not to the page top.
  useEffect(() => {
    if (!confirming && cancelled.current) {
      cancelled.current = false;
      triggerRef.current?.focus();
    }
  }, [confirming]);
  if (!confirming) {
    return (
      <Button ref={triggerRef} type="button" variant="secondary" onClick={() => setConfirming(true)}>
        {trigger}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="wrap-anywhere">
        {question}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button
          type="button"
          variant="ghost"
          autoFocus
          onClick={() => {
            cancelled.current = true;
            setConfirming(false);
          }}
        >
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
