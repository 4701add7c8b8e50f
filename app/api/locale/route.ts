import { NextResponse } from "next/server";
import { getCurrentHolder } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { setHolderLocale } from "@/lib/holders/locale-data";
import { publicRoute } from "@/lib/http/route";
import { localeCookieOptions } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { isSameOriginRequest } from "@/lib/security/same-origin";

/**
 * The language switcher on public pages: a plain form POST, so it works without JavaScript and
 * without an account. Sets the language cookie (and a signed-in holder's setting) and goes back.
 * An unknown language changes nothing and still goes back: a bad value is never an error page.
 */
export const POST = publicRoute(async (request, { db }) => {
  if (!isSameOriginRequest(request.headers, env.appUrl))
    throw new DomainError("forbidden", "This request did not come from Tessera.");
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const back = safeRedirectPath(form?.get("returnTo"), env.appUrl, "/");
  const response = NextResponse.redirect(new URL(back, env.appUrl), 303);
  if (isLocale(locale)) {
    const { name, ...options } = localeCookieOptions(env.appUrl.startsWith("https://"));
    response.cookies.set(name, locale, options);
    const holder = await getCurrentHolder();
    if (holder) await setHolderLocale(db, holder.id, locale);
  }
  return response;
});
