import "server-only";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { credentials } from "@/db/schema";
import { renewalCalendar } from "./calendar";
import { listCyclesForHolder } from "./cycles-data";
import { toDay } from "./dates";

/** The holder's calendar: credentials not yet expired, and cycles not yet ended. */
export async function renewalCalendarForHolder(
  db: Database,
  holderId: string,
  now: Date,
  appUrl: string,
): Promise<string> {
  const [expiring, cycles] = await Promise.all([
    db
      .select({
        id: credentials.id,
        title: credentials.title,
        issuerName: credentials.issuerName,
        validUntil: credentials.validUntil,
      })
      .from(credentials)
      .where(
        and(eq(credentials.holderId, holderId), isNotNull(credentials.validUntil), gt(credentials.validUntil, now)),
      )
      .orderBy(asc(credentials.validUntil)),
    listCyclesForHolder(db, holderId),
  ]);
  const today = toDay(now);
  return renewalCalendar({
    credentials: expiring.map((c) => ({
      id: c.id,
      title: c.title,
      issuerName: c.issuerName,
      validUntil: c.validUntil!,
    })),
    cycles: cycles
      .filter((c) => c.endsOn >= today)
      .map((c) => ({ id: c.id, profileName: c.profile.name, endsOn: c.endsOn })),
    appUrl,
    now,
  });
}
