import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { cpdActivities, cpdCycles } from "@/db/schema";
import { describeEachDatabase } from "@/testkit/each-database";
import { catalogCycle, editCpd, hostileArchive, ownCycle, type Row } from "@/testkit/wallet-archive/hostile-archive";

/**
 * A restore refuses CPD profiles, cycles and overrides the Renewal page would refuse, or that
 * reach outside the archive (docs/threat-model.md G2).
 */

describeEachDatabase("hostile wallet restore (docs/threat-model.md G2): CPD", (ctx) => {
  const hostile = hostileArchive(ctx);
  const { expectRefused } = hostile;

  it("refuses a CPD cycle on a profile that is not in the archive, on another holder's profile, or on a catalog profile this Tessera lacks", async () => {
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).profile = "p9";
      }),
      /A CPD cycle \(2026-01-01 to 2026-12-31\) refers to a CPD profile \(p9\) that is not in the archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).profile = hostile.victim.profileId;
      }),
      /wallet\.json is not valid \(cpd\.cycles\.\d\.profile: not a CPD profile key of this archive\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = "atlantis-board-of-nursing";
      }),
      /on the catalog profile “atlantis-board-of-nursing”, which this Tessera does not offer/,
    );
    // Another holder's profile is not in the catalog, whatever its slug.
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = "victim-training";
      }),
      /catalog profile “victim-training”, which this Tessera does not offer/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).catalogProfile = "nmc-revalidation";
      }),
      /must name exactly one profile/,
    );
    await expectRefused(
      editCpd((cpd) => {
        catalogCycle(cpd).catalogProfile = null;
      }),
      /must name exactly one profile/,
    );
    expect(await hostile.db.$count(cpdCycles, eq(cpdCycles.profileId, hostile.victim.profileId))).toBe(1);
  });

  it("refuses a CPD override for a credential that is not in the archive", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.credential = "c99";
      }),
      /A CPD activity override refers to a credential \(c99\) that is not in the archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.credential = hostile.victim.credentialId;
      }),
      /cpd\.activities\.0\.credential: not a credential key of this archive/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities.push({ ...cpd.activities[0]!, hours: 9 });
      }),
      /two CPD overrides for one credential/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.hours = 2001;
      }),
      /cpd\.activities\.0\.hours/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.activities[0]!.recordKinds = ["reflective-account", "sabbatical"];
      }),
      /cpd\.activities\.0\.recordKinds/,
    );
    expect(await hostile.db.$count(cpdActivities, eq(cpdActivities.credentialId, hostile.victim.credentialId))).toBe(1);
  });

  it("refuses a holder CPD profile the Renewal page would refuse", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules[1]!.minHours = 40;
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules\.1\.minHours: "Participatory hours" asks for 40 h but the total is 8 h: a part cannot need more than the whole\.\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules = [];
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules: A profile needs at least one rule\.\)/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.rules[0]!.kind = "vibes";
      }),
      /Your CPD profile ward-7-mandatory in the archive is not valid \(rules\.0\.kind: Unknown rule kind/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.definition.id = "something-else";
      }),
      /does not carry its own name/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles.push({ ...cpd.profiles[0]!, key: "p2" });
      }),
      /both named ward-7-mandatory/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.profiles[0]!.version = 2;
      }),
      /cpd\.profiles\.0\.version: a CPD profile version this Tessera does not know/,
    );
    await expectRefused(
      editCpd((cpd) => {
        (cpd as unknown as Row).deliveries = [];
      }),
      /wallet\.json is not valid \(cpd: Unrecognized key/,
    );
  });

  it("refuses overlapping and impossible CPD cycles with the cycle rules' reasons", async () => {
    await expectRefused(
      editCpd((cpd) => {
        cpd.cycles.push({ ...ownCycle(cpd), startsOn: "2026-10-01", endsOn: "2027-09-30" });
      }),
      /A CPD cycle \(2026-10-01 to 2027-09-30\) is not valid: This overlaps your cycle from 2026-01-01 to 2026-12-31 for the same profile/,
    );
    await expectRefused(
      editCpd((cpd) => {
        cpd.cycles.push({ ...catalogCycle(cpd), startsOn: "2027-03-31", endsOn: "2030-03-30" });
      }),
      /overlaps your cycle from 2024-04-01 to 2027-03-31/,
    );
    await expectRefused(
      editCpd((cpd) => {
        Object.assign(ownCycle(cpd), { startsOn: "2026-12-31", endsOn: "2026-01-01" });
      }),
      /is not valid: The cycle must end after it starts/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).endsOn = "2026-01-10";
      }),
      /is not valid: A cycle lasts at least 28 days/,
    );
    await expectRefused(
      editCpd((cpd) => {
        ownCycle(cpd).startsOn = "2026-02-30";
      }),
      /is not valid: Enter the start date as a real date/,
    );
  });
});
