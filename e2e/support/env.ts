import path from "node:path";
import { E2E_AUTH_SECRET, E2E_DATA_DIR, E2E_ORIGIN, E2E_SIGNIN_LIMIT_PER_EMAIL } from "../../playwright.config";

/** The values the e2e server was started with (playwright.config.ts is the single source). */
export const ORIGIN = E2E_ORIGIN;
export const AUTH_SECRET = E2E_AUTH_SECRET;
export const SIGNIN_LIMIT_PER_EMAIL = E2E_SIGNIN_LIMIT_PER_EMAIL;
export const DATA_DIR = path.resolve(import.meta.dirname, "../..", E2E_DATA_DIR);
export const MAIL_DIR = path.join(DATA_DIR, "mail");
export const PGLITE_DIR = path.join(DATA_DIR, "pglite");

export const WALLET_ROUTES = [
  "/wallet",
  "/wallet/collections",
  "/import",
  "/pathways",
  "/renewal",
  "/shares",
  "/portfolio",
  "/settings",
] as const;
