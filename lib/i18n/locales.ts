/**
 * The languages Tessera speaks and how a request's language is chosen (ADR 0031). Pure: the proxy,
 * pages, emails and tests all decide the same way.
 */
export const LOCALES = ["en", "de", "fr", "es", "uk", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set by the public language switcher and by Settings; read before Accept-Language. */
export const LOCALE_COOKIE = "tessera-locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Each language's own name for itself (an endonym), the same in every catalog on purpose: a
 * reader who cannot read the current language must still find theirs.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  uk: "Українська",
  ar: "العربية",
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RTL.has(locale) ? "rtl" : "ltr";
}

/** A BCP 47 tag ("de-AT", "ar_SY", "UK") to one of ours by its primary language, or null. */
export function localeFromTag(tag: unknown): Locale | null {
  if (typeof tag !== "string" || tag.length === 0 || tag.length > 35) return null;
  const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return isLocale(primary) ? primary : null;
}

// A header longer than any browser sends, or with more entries, is read only up to these caps.
const ACCEPT_LANGUAGE_MAX_CHARS = 1024;
const ACCEPT_LANGUAGE_MAX_ENTRIES = 32;

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4), or null. Entries
 * are ranked by q (ties keep their order); q=0 means "not this one"; malformed entries and
 * unknown languages are skipped, never an error.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const entries = header.slice(0, ACCEPT_LANGUAGE_MAX_CHARS).split(",").slice(0, ACCEPT_LANGUAGE_MAX_ENTRIES);
  const ranked: { locale: Locale; q: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const [tag, ...params] = entry.trim().split(";");
    const locale = localeFromTag(tag);
    if (!locale) return;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
      else return;
    }
    if (q > 0 && q <= 1) ranked.push({ locale, q, order });
  });
  ranked.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.locale ?? null;
}

export interface LocaleSources {
  /** The signed-in holder's choice in Settings, when there is one. */
  holder?: string | null;
  /** The switcher's cookie. */
  cookie?: string | null;
  acceptLanguage?: string | null;
}

/** Holder setting, then cookie, then Accept-Language, then English; anything unknown is passed over silently. */
export function negotiateLocale({ holder, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(holder)) return holder;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * A share page's language: the visitor's own pick on the switcher, then the language the holder
 * gave the link ("show this page in German"), then Accept-Language, then English.
 */
export function shareLocale({
  cookie,
  link,
  acceptLanguage,
}: {
  cookie?: string | null;
  link?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(link)) return link;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The `tessera-locale` value in a Cookie header, or undefined (a malformed header is no error). */
export function localeCookieFrom(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.slice(0, 8192).split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === LOCALE_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * A visitor's language before any page renders (the share gate, the share render cache): the
 * switcher's cookie, then the share link's language when there is one, then Accept-Language
 * (shareLocale). No holder setting here: that needs the session, and
 * the switcher and Settings both set the cookie too.
 */
export function visitorLocale(headers: Headers, link?: string | null): Locale {
  return shareLocale({
    cookie: localeCookieFrom(headers.get("cookie")),
    link,
    acceptLanguage: headers.get("accept-language"),
  });
}
