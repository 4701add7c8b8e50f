import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/runtime/database";
import { getHolderDataForCredential } from "@/lib/credential-store/evidence";

/** One read per request, shared by the layout's existence check, the page and its <title>. */
export const holderDataFor = cache((holderId: string, id: string) => getHolderDataForCredential(getDb(), holderId, id));
