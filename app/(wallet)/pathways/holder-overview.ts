import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/runtime/database";
import { pathwayOverviewForHolder } from "@/lib/stacking/data";

/** One computation per request, shared by a page and its metadata. */
export const overviewForHolder = cache((holderId: string) => pathwayOverviewForHolder(getDb(), holderId));
