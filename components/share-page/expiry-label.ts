import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/i18n/format";
import type { ExpiryState } from "@/lib/wallet/expiry";

/** What ExpiryNotice says, in the reader's language; null when it says nothing. */
export async function expiryLabel(expiry: ExpiryState): Promise<string | null> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  if (expiry.state === "expiring") return t("share.expiresIn", { days: expiry.daysLeft });
  if (expiry.state === "expired") return t("share.expiredOn", { date: formattersFor(locale).day(expiry.since) ?? "" });
  return null;
}
