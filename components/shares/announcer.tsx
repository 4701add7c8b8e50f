"use client";

import { useEffect, useSyncExternalStore } from "react";

/**
 * One polite live region for the shares list. A card's own status region disappears with the
 * card when its link is deleted, so the confirmation is said here instead.
 */
let message = "";
const listeners = new Set<() => void>();

export function announce(text: string) {
  // A repeated message is only re-read by screen readers when the text changes.
  message = text === message ? `${text}\u00a0` : text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Announcer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => "",
  );
  useEffect(
    () => () => {
      message = "";
    },
    [],
  );
  return (
    <p role="status" className="sr-only">
      {text}
    </p>
  );
}
