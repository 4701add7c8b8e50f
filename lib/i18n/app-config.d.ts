import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Types every t("…") key against the English catalog, and every locale against ours.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
