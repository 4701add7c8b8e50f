import type en from "./messages/en.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** English is the source catalog: its shape is the type every other catalog must match. */
export type Messages = typeof en;

// One dynamic import per catalog, so a request loads only its own language.
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("./messages/en.json"),
  de: () => import("./messages/de.json"),
  fr: () => import("./messages/fr.json"),
  es: () => import("./messages/es.json"),
  uk: () => import("./messages/uk.json"),
  ar: () => import("./messages/ar.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await (loaders[locale] ?? loaders[DEFAULT_LOCALE])()).default;
}
