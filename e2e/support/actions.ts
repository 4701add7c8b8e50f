import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { ORIGIN } from "./env";

export interface BuiltAction {
  id: string;
  /** e.g. "app/(wallet)/credentials/actions.ts" */
  filename: string;
  exportedName: string;
  /** A page path that serves the action, e.g. "/credentials/<uuid>". */
  pagePath: string;
}

const MANIFEST = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");

/** "app/(wallet)/credentials/[id]/page" → "/credentials/<placeholder>" */
function pathOfWorker(worker: string, placeholder: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? placeholder : segment))
    .join("/");
  return route || "/";
}

/** Every server action of the production build, from Next's own manifest (docs/threat-model.md B1). */
export function builtServerActions(placeholder = "00000000-0000-4000-8000-000000000000"): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pagePath: pathOfWorker(Object.keys(entry.workers)[0]!, placeholder),
  }));
}

/**
 * Calls a server action the way a forged client would: a raw POST with the action id and the
 * arguments as React encodes plain JSON. Returns the response text (the RSC payload).
 */
export async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await request.post(`${ORIGIN}${action.pagePath}`, {
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: ORIGIN,
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
