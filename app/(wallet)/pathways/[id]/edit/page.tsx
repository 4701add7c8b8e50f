import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteGoal } from "@/components/pathways/delete-goal";
import { draftFromGoal } from "@/components/pathways/goal-draft";
import { GoalForm } from "@/components/pathways/goal-form";
import type { ChosenCredential } from "@/components/pathways/held-credentials-picker";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { plural } from "@/components/ui/format";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { isUuid } from "@/lib/http/ids";
import { getGoal } from "@/lib/stacking/goals-data";
import { listWallet } from "@/lib/wallet/list";
import { parseWalletQuery } from "@/lib/wallet/query";
import { toWalletPageView } from "@/lib/wallet/view";
import { overviewForHolder } from "../../holder-overview";

export const metadata: Metadata = { title: "Edit goal" };

/** Only the holder's own goals can be edited: anything else (catalog, another holder's goal) is a 404. */
export default async function EditGoalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const holder = await requireHolder(`/pathways/${id}/edit`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const stored = await getGoal(db, holder.id, id);
  if (!stored?.goal) notFound();
  const now = new Date();
  const [overview, firstPage] = await Promise.all([
    overviewForHolder(holder.id),
    listWallet(db, holder.id, parseWalletQuery({ sort: "title" }), now),
  ]);
  const draft = draftFromGoal(stored.goal);
  // Named by what can still count; a credential deleted (or failing its checks) since is flagged.
  const chosen: ChosenCredential[] = draft.heldCredentialIds.map((credentialId) => {
    const held = overview.credentials[credentialId];
    return held
      ? { id: credentialId, title: held.title, issuerName: held.issuerName }
      : { id: credentialId, title: "", issuerName: "", gone: true };
  });
  const gone = chosen.filter((c) => c.gone).length;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/pathways/${id}`} className="underline">
          {stored.goal.title}
        </Link>
      </nav>
      <PageHeader
        title="Edit goal"
        description={`Change “${stored.goal.title}”: its target, and the credentials that build it.`}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        {gone > 0 ? (
          <Alert
            tone="error"
            title={`${plural(gone, "credential")} this goal counted ${gone === 1 ? "is" : "are"} no longer in your wallet`}
          >
            Remove {gone === 1 ? "it" : "them"} under “Credentials you already hold” before saving, or choose{" "}
            {gone === 1 ? "another" : "others"}.
          </Alert>
        ) : null}
        <Card aria-label="Goal">
          <GoalForm
            pathwayId={id}
            initial={{ ...draft, heldCredentialIds: [] }}
            initialChosen={chosen}
            renderId={now.toISOString()}
            initialPage={toWalletPageView(firstPage)}
          />
        </Card>
        <Card aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
            Delete this goal
          </h2>
          <DeleteGoal pathwayId={id} title={stored.goal.title} />
        </Card>
      </div>
    </>
  );
}
