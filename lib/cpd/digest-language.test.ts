import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { digestMail } from "./digest";
import { dueReminders } from "./reminders";

const NOW = new Date("2026-12-06T09:00:00Z");
const reminders = dueReminders(
  NOW,
  [{ id: "c1", title: "BLS <Basic> & more", validUntil: new Date("2026-12-07T00:00:00Z") }],
  [
    {
      id: "y1",
      profileName: "NMC revalidation",
      endsOn: "2027-01-31",
      allMet: false,
      unmet: ["35 hours", "5 reflections"],
    },
  ],
);

describe("the reminder digest in the holder's language", () => {
  it("is written in German with German dates and plurals", async () => {
    const mail = digestMail("a@example.org", reminders, "https://w.example", "de", await translatorFor("de"));
    expect(mail.subject).toBe("Tessera-Erinnerungen: 2 Punkte brauchen Ihre Aufmerksamkeit");
    expect(mail.text).toContain("BLS <Basic> & more läuft morgen ab (7. Dezember 2026).");
    expect(mail.text).toContain("2 Regeln sind noch nicht erfüllt: 35 hours; 5 reflections.");
  });

  it("is right to left in Arabic, with the issuer's title escaped and untranslated", async () => {
    const mail = digestMail(
      "a@example.org",
      reminders.slice(0, 1),
      "https://w.example",
      "ar",
      await translatorFor("ar"),
    );
    expect(mail.subject).toBe("تذكير من تيسيرا: أمر واحد يحتاج إلى انتباهك");
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain("BLS &#60;Basic&#62; &#38; more");
    expect(mail.html).not.toContain("<Basic>");
    expect(mail.html).toContain('<a href="https://w.example/settings">الإعدادات</a>');
  });

  it("counts in Ukrainian plural forms", async () => {
    const many = dueReminders(
      NOW,
      Array.from({ length: 5 }, (_, i) => ({
        id: `c${i}`,
        title: `T${i}`,
        validUntil: new Date("2026-12-30T00:00:00Z"),
      })),
      [],
    );
    const mail = digestMail("a@example.org", many, "https://w.example", "uk", await translatorFor("uk"));
    expect(mail.subject).toBe("Нагадування Tessera: 5 пунктів потребують вашої уваги");
    expect(mail.text).toContain("спливає через 24 дні (30 грудня 2026");
  });
});
