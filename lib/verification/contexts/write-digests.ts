/**
 * Regenerates digests.json after a deliberate context change (package upgrade or re-vendoring):
 * `npx tsx lib/verification/contexts/write-digests.ts`. Review the diff: every changed line is a
 * context whose meaning may have changed.
 */
import { writeFileSync } from "node:fs";
import { contextDigests } from "./index";

const target = new URL("./digests.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(contextDigests(), null, 2)}\n`);
console.log(`wrote ${Object.keys(contextDigests()).length} digests to ${target.pathname}`);
