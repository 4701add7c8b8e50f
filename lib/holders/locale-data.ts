import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** The holder's language for pages and emails; null returns them to their browser's (scoped by holder id, convention 2). */
export async function setHolderLocale(db: Database, holderId: string, locale: Locale | null): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, holderId));
}
