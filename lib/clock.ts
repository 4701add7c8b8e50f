import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";

/**
 * "Now" for decisions that depend on dates a test cannot wait for (a share link's end date).
 * The system clock, unless TESSERA_TEST_CLOCK_FILE names a file: then the file's content is an
 * offset in milliseconds added to the system clock, read on every call so a running end-to-end
 * server can be moved forward and back. For tests only; an unreadable or empty file means 0.
 */
export function serverNow(): Date {
  const file = env.testClockFile;
  if (!file) return new Date();
  let offset = 0;
  try {
    offset = Number(readFileSync(file, "utf8").trim()) || 0;
  } catch {
    // No file yet: the clock is not moved.
  }
  return new Date(Date.now() + offset);
}
