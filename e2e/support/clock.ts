import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./env";

/** The file the e2e server reads its clock offset from (TESSERA_TEST_CLOCK_FILE, lib/clock.ts). */
export const SERVER_CLOCK_FILE = path.join(DATA_DIR, "clock-offset-ms");

/** Moves the server's clock for share-link decisions; always put it back with `resetServerClock`. */
export function moveServerClock(offsetMs: number): void {
  fs.writeFileSync(SERVER_CLOCK_FILE, String(offsetMs));
}

export function resetServerClock(): void {
  fs.rmSync(SERVER_CLOCK_FILE, { force: true });
}
