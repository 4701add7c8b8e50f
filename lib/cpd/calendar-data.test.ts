import { and, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { cpdProfiles } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { createTestHolder, storeTestCredential } from "@/testkit/wallet/test-credentials";
import { renewalCalendarForHolder } from "./calendar-data";
import { createCycle } from "./cycles-data";

const NOW = new Date("2026-12-06T10:00:00Z");

describeEachDatabase("renewal calendar for a holder", (ctx) => {
  it("holds the holder's own future expiries and current cycles, nothing expired or ended, nothing of anyone else", async () => {
    const db = ctx().db;
    const holder = await createTestHolder(db, "calendar@example.org");
    const other = await createTestHolder(db, "calendar-other@example.org");
    await storeTestCredential(db, holder, { title: "Basic Life Support", validUntil: "2027-03-14" });
    await storeTestCredential(db, holder, { title: "Expired Manual Handling", validUntil: "2026-01-01" });
    await storeTestCredential(db, holder, { title: "No Expiry Badge" });
    await storeTestCredential(db, other, { title: "Someone Else's ALS", validUntil: "2027-05-01" });
    const [nmc] = await db
      .select({ id: cpdProfiles.id })
      .from(cpdProfiles)
      .where(and(eq(cpdProfiles.slug, "nmc-revalidation"), isNull(cpdProfiles.holderId)));
    await createCycle(db, holder, { profileId: nmc!.id, startsOn: "2023-01-01", endsOn: "2025-12-31" });
    await createCycle(db, holder, { profileId: nmc!.id, startsOn: "2026-01-01", endsOn: "2028-12-31" });
    await createCycle(db, other, { profileId: nmc!.id, startsOn: "2026-01-01", endsOn: "2028-06-30" });

    const ics = (await renewalCalendarForHolder(db, holder, NOW, "https://wallet.example.org")).replace(
      /\r\n[ \t]/g,
      "",
    );
    expect(ics).toContain("SUMMARY:Basic Life Support expires");
    expect(ics).toContain("DTSTART;VALUE=DATE:20281231");
    for (const absent of ["Expired Manual Handling", "No Expiry Badge", "Someone Else", "20251231", "20280630"])
      expect(ics).not.toContain(absent);
    expect(ics.split("BEGIN:VEVENT").length - 1).toBe(2);
  });
});
