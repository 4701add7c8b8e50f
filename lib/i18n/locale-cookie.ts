import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "./locales";

/** The language cookie (switcher and Settings): read only by the server, sent on top-level navigations (Lax), kept a year. */
export const localeCookieOptions = (secure: boolean) =>
  ({
    name: LOCALE_COOKIE,
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure,
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  }) as const;
