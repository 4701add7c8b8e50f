import type { Metadata } from "next";
import { CpdProfileForm } from "@/components/cpd/profile-form";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New requirement profile" };

export default async function NewCpdProfilePage() {
  await requireHolder("/renewal/profiles/new");
  return (
    <>
      <Breadcrumb href="/renewal" label="CPD and renewal" />
      <PageHeader
        title="New requirement profile"
        description="Rules of your own, for example your employer's annual mandatory training. Tessera checks them the same way as a regulator's."
      />
      <Card>
        <CpdProfileForm />
      </Card>
    </>
  );
}
