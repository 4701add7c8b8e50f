import { renewalCalendarForHolder } from "@/lib/cpd/calendar-data";
import { env } from "@/lib/env";
import { holderRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The signed-in holder's expiry and cycle-end dates as an .ics download (lib/cpd/calendar.ts). */
export const GET = holderRoute({ mutating: false, download: true }, async (_request, { holder, db }) => {
  const ics = await renewalCalendarForHolder(db, holder.id, new Date(), env.appUrl);
  // text/calendar (not a generic download): phones offer "Add to Calendar" for it. The file is
  // ours, built by ical-generator, with the imported titles escaped as RFC 5545 text.
  return new Response(ics, {
    headers: {
      "cache-control": "private, no-store",
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="tessera-renewals.ics"',
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
});
