import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LOCALES,
  localeCookieFrom,
  localeFromAcceptLanguage,
  localeFromTag,
  negotiateLocale,
  shareLocale,
  textDirection,
  visitorLocale,
} from "./locales";

describe("choosing a request's language", () => {
  it("takes the holder's setting, then the cookie, then Accept-Language, then English", () => {
    expect(negotiateLocale({ holder: "uk", cookie: "de", acceptLanguage: "fr" })).toBe("uk");
    expect(negotiateLocale({ holder: null, cookie: "de", acceptLanguage: "fr" })).toBe("de");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "fr-CA,fr;q=0.9" })).toBe("fr");
    expect(negotiateLocale({})).toBe("en");
  });

  it("passes over unknown and malformed values silently", () => {
    expect(negotiateLocale({ holder: "pl", cookie: "../../etc/passwd", acceptLanguage: "es" })).toBe("es");
    expect(negotiateLocale({ holder: "", cookie: "AR", acceptLanguage: ";;;,q=2" })).toBe("en");
    expect(negotiateLocale({ cookie: "ar\u202e", acceptLanguage: "zz-ZZ, x-klingon" })).toBe("en");
  });

  it("ranks Accept-Language by q, keeps order on ties, and skips q=0 and broken entries", () => {
    expect(localeFromAcceptLanguage("pl-PL,pl;q=0.9,de;q=0.5,uk;q=0.8")).toBe("uk");
    expect(localeFromAcceptLanguage("de, fr")).toBe("de");
    expect(localeFromAcceptLanguage("ar;q=0, es;q=0.1")).toBe("es");
    expect(localeFromAcceptLanguage("de;q=abc, fr;q=0.3")).toBe("fr");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("ar-SY;q=1.0")).toBe("ar");
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it("reads only the start of an absurdly long header", () => {
    const header = `${"xx;q=0.9,".repeat(10_000)}de`;
    expect(localeFromAcceptLanguage(header)).toBeNull();
    expect(localeFromAcceptLanguage(`uk,${header}`)).toBe("uk");
  });

  it("never throws and always answers one of ours", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (holder, cookie, header) => {
        expect(LOCALES).toContain(negotiateLocale({ holder, cookie, acceptLanguage: header }));
      }),
    );
  });

  it("maps tags by their primary language", () => {
    expect(localeFromTag("de-AT")).toBe("de");
    expect(localeFromTag("UK")).toBe("uk");
    expect(localeFromTag("es_419")).toBe("es");
    expect(localeFromTag("english")).toBeNull();
  });

  it("writes Arabic right to left and the others left to right", () => {
    expect(LOCALES.filter((l) => textDirection(l) === "rtl")).toEqual(["ar"]);
  });

  it("reads a visitor's language from the request alone: the cookie, then Accept-Language", () => {
    expect(visitorLocale(new Headers({ cookie: "a=1; tessera-locale=uk; b=2", "accept-language": "de" }))).toBe("uk");
    expect(visitorLocale(new Headers({ cookie: "tessera-locale=xx", "accept-language": "ar-SY,en;q=0.5" }))).toBe("ar");
    expect(visitorLocale(new Headers({ cookie: "other-tessera-locale=de" }))).toBe("en");
    expect(visitorLocale(new Headers())).toBe("en");
    expect(localeCookieFrom("tessera-locale=")).toBe("");
    expect(localeCookieFrom(";;=;tessera-locale")).toBeUndefined();
  });

  it("puts a share link's own language after the visitor's pick and before their browser's", () => {
    expect(shareLocale({ cookie: "uk", link: "de", acceptLanguage: "fr" })).toBe("uk");
    expect(shareLocale({ cookie: null, link: "de", acceptLanguage: "fr" })).toBe("de");
    expect(shareLocale({ link: "pl", acceptLanguage: "fr" })).toBe("fr");
    expect(visitorLocale(new Headers({ "accept-language": "uk" }), "de")).toBe("de");
    expect(visitorLocale(new Headers({ cookie: "tessera-locale=ar", "accept-language": "uk" }), "de")).toBe("ar");
  });
});
