import pino, { type Logger } from "pino";
import { remember } from "@/lib/runtime/remember";
import { currentRequestId } from "./request-context";

/**
 * Fields that may hold personal data or secrets, censored wherever a caller puts them (ADR 0032):
 * log lines carry ids, route groups, outcomes and timings, never an email, token, cookie or path.
 */
const REDACTED = [
  "email",
  "token",
  "password",
  "authorization",
  "cookie",
  "*.email",
  "*.token",
  "*.password",
  "*.authorization",
  "*.cookie",
  "headers",
  "*.headers",
];

/**
 * The process's one structured logger: a JSON object per line on stdout (pino), each with the
 * time, level, message and, while a request is served, its request id.
 */
export function logger(): Logger {
  return remember("logger", () => createLogger());
}

/** The logger's settings, writing to `destination` (stdout when omitted; tests pass a stream). */
export function createLogger(destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED, censor: "[redacted]" },
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Something went wrong that nobody is waiting for (background work, a fallback taken). */
export function logError(component: string, message: string, error?: unknown, fields: object = {}): void {
  logger().error({ component, ...fields, ...(error === undefined ? {} : { err: error }) }, message);
}

export function logWarning(component: string, message: string, fields: object = {}): void {
  logger().warn({ component, ...fields }, message);
}
