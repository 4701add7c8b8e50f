import type { Messages } from "./messages";

/**
 * The part of a catalog a client component needs. Every message handed to NextIntlClientProvider
 * travels in the page's payload, so providers pass the namespaces their client islands use.
 */
export function clientMessages<K extends keyof Messages>(
  messages: Messages,
  namespaces: readonly K[],
): Pick<Messages, K> {
  const picked = {} as Pick<Messages, K>;
  for (const namespace of namespaces) picked[namespace] = messages[namespace];
  return picked;
}

/** What the holder pages' client islands translate themselves (the rest arrives as props). Grows as pages are converted. */
export const HOLDER_CLIENT_NAMESPACES = ["settings"] as const satisfies readonly (keyof Messages)[];
