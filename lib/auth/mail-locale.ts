import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { holderIdByConfirmedEmail } from "@/lib/identities/emails-data";

/**
 * The language of a sign-in email: the holder's setting when the address has an account, else the
 * language of the page that asked (cookie, Accept-Language), else English. Auth.js calls the
 * sender inside the sign-in request, so the request's language is there to read.
 */
export async function signInMailLocale(db: Database, email: string): Promise<Locale> {
  // The account may have been found by a further confirmed address (lib/auth/auth.ts).
  const holderId = await holderIdByConfirmedEmail(db, email);
  const row = await db.query.users.findFirst({
    columns: { locale: true },
    where: holderId ? eq(users.id, holderId) : eq(users.email, email),
  });
  if (isLocale(row?.locale)) return row.locale;
  try {
    const { requestLocale } = await import("@/lib/i18n/request");
    return await requestLocale();
  } catch {
    // Outside a request (a script): no page asked, so English.
    return DEFAULT_LOCALE;
  }
}
