import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireHolder } from "@/lib/auth/session";
import { isUuid } from "@/lib/http/ids";
import { holderDataFor } from "./holder-data";

/**
 * Decides "not found" before the page's loading skeleton streams: once the skeleton is sent the
 * status is 200, and another holder's id must answer 404 (docs/threat-model.md B1).
 */
export default async function CredentialLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const holder = await requireHolder(`/credentials/${id}`);
  if (!isUuid(id) || !(await holderDataFor(holder.id, id))) notFound();
  return children;
}
