import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { CycleCard } from "@/components/cpd/cycle-card";
import { DeleteWithConfirm } from "@/components/cpd/delete-with-confirm";
import { ProfileSummary } from "@/components/cpd/profile-summary";
import { RemindersPanel } from "@/components/cpd/reminders-panel";
import { StartCycleForm } from "@/components/cpd/start-cycle-form";
import { PageHeader } from "@/components/shell/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { listCycleViews } from "@/lib/cpd/cycles-data";
import { listProfilesForHolder } from "@/lib/cpd/profiles-data";
import { listNotificationsForHolder } from "@/lib/cpd/reminders-data";

export const metadata: Metadata = { title: "Renewal" };

export default async function RenewalPage() {
  const holder = await requireHolder("/renewal");
  const db = getDb();
  const now = new Date();
  const [profiles, cycles, notifications] = await Promise.all([
    listProfilesForHolder(db, holder.id),
    listCycleViews(db, holder.id, now),
    listNotificationsForHolder(db, holder.id, now),
  ]);
  return (
    <>
      <PageHeader
        title="CPD and renewal"
        description="Count your credentials toward the hours and records your regulator or employer asks for, see what is missing before your cycle ends, and download the evidence."
      />
      <div className="flex flex-col gap-8">
        <RemindersPanel enabled={notifications.enabled} reminders={notifications.reminders} />

        <section aria-labelledby="cycles-heading" className="flex flex-col gap-4">
          <h2 id="cycles-heading" className="text-xl font-semibold">
            Your cycles
          </h2>
          {cycles.length === 0 ? (
            <p className="rounded-2xl border border-dashed border-slate-300 px-4 py-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
              No cycle yet. Pick a profile and the dates of your current cycle below.
            </p>
          ) : (
            cycles.map((cycle) => <CycleCard key={cycle.id} cycle={cycle} />)
          )}
        </section>

        <Card aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-4 text-lg font-semibold">
            Start a cycle
          </h2>
          <StartCycleForm
            profiles={profiles.map((p) => ({
              id: p.id,
              name: p.definition.name,
              cycleMonths: p.definition.cycleMonths,
            }))}
          />
        </Card>

        <section aria-labelledby="profiles-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="profiles-heading" className="text-xl font-semibold">
              Requirement profiles
            </h2>
            <ButtonLink href="/renewal/profiles/new" variant="secondary">
              <Plus className="h-4 w-4" aria-hidden="true" />
              New profile
            </ButtonLink>
          </div>
          {profiles.map((p) => (
            <article
              key={p.id}
              aria-labelledby={`profile-${p.id}`}
              className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <h3 id={`profile-${p.id}`} className="mb-2 font-semibold">
                {p.definition.name}
                {p.source === "holder" ? (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 text-xs font-medium dark:bg-slate-800">
                    Yours
                  </span>
                ) : null}
              </h3>
              <ProfileSummary profile={p.definition} />
              {p.source === "holder" ? (
                <div className="mt-3">
                  <DeleteWithConfirm
                    target="profile"
                    id={p.id}
                    trigger="Delete this profile"
                    question={`Delete ${p.definition.name}? Cycles you started on it are deleted too.`}
                  />
                </div>
              ) : null}
            </article>
          ))}
        </section>
      </div>
    </>
  );
}
