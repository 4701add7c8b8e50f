"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { holderFormAction } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { setHolderLocale } from "@/lib/holders/locale-data";
import { localeCookieOptions } from "@/lib/i18n/locale-cookie";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

/** Settings → Language: a language of ours, or "browser" to follow Accept-Language again. */
export const updateLanguageAction = holderFormAction(
  z.object({ locale: z.enum([...LOCALES, "browser"]) }).strict(),
  async ({ locale }, { holder, db }) => {
    const chosen = locale === "browser" ? null : locale;
    await setHolderLocale(db, holder.id, chosen);
    // The cookie keeps the choice on public pages after sign-out, as the switcher there does.
    const store = await cookies();
    if (chosen) {
      const { name, ...options } = localeCookieOptions(env.appUrl.startsWith("https://"));
      store.set(name, chosen, options);
    } else store.delete(LOCALE_COOKIE);
    revalidatePath("/", "layout");
    return { saved: true };
  },
);
