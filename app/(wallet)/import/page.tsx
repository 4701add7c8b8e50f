import type { Metadata } from "next";
import { cookies } from "next/headers";
import { FileImport } from "@/components/import/file-import";
import { IssuerOffer } from "@/components/import/issuer-offer";
import { SelfReportedForm } from "@/components/import/self-reported-form";
import { TextImport } from "@/components/import/text-import";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { requireHolder } from "@/lib/auth/session";
import { ISSUER_SIGN_IN_MESSAGE_COOKIE } from "@/lib/issuance/holder";

export const metadata: Metadata = { title: "Add credentials" };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireHolder("/import");
  const params = await searchParams;
  // Back from signing in at an issuer: the job to follow, or why nothing came (a cookie, never the address).
  const received =
    typeof params.received === "string" && /^[0-9a-f-]{36}$/.test(params.received) ? params.received : undefined;
  const issuerMessage =
    params.issuer === "refused" ? (await cookies()).get(ISSUER_SIGN_IN_MESSAGE_COOKIE)?.value : undefined;
  return (
    <>
      <PageHeader
        title="Add credentials"
        description="Bring in what you have earned from any issuer. Tessera keeps each original file unchanged and tells you exactly what it could check."
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="mb-4 text-lg font-semibold">
            Upload files
          </h2>
          <FileImport />
        </Card>
        <Card aria-labelledby="paste-heading">
          <h2 id="paste-heading" className="mb-4 text-lg font-semibold">
            Paste or link
          </h2>
          <TextImport />
        </Card>
        <Card aria-labelledby="issuer-heading">
          <h2 id="issuer-heading" className="mb-4 text-lg font-semibold">
            Add from an issuer
          </h2>
          <IssuerOffer
            {...(received ? { received } : {})}
            {...(issuerMessage ? { signInMessage: issuerMessage.slice(0, 500) } : {})}
          />
        </Card>
        <Card aria-labelledby="self-heading">
          <h2 id="self-heading" className="mb-1 text-lg font-semibold">
            Paper or PDF certificate
          </h2>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            For training you have no digital credential for. It will always be shown as{" "}
            <strong>self-reported, not verified</strong>.
          </p>
          <SelfReportedForm />
        </Card>
      </div>
    </>
  );
}
