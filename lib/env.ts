import { z } from "zod";

/**
 * The only reader of process.env (docs/architecture.md convention 3). Everything else imports `env`.
 * Values are validated once, on first use, so a misconfigured server fails at start with a
 * message naming the variable instead of failing later on some request.
 */
const booleanFlag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
    TESSERA_EMBEDDED_DB: booleanFlag,
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33)"),
    AUTH_URL: z
      .url({
        protocol: /^https?$/,
        error: "AUTH_URL must be the public http(s) origin, e.g. https://wallet.example.org",
      })
      .optional(),
    /** The port this server listens on; in development the default AUTH_URL follows it. */
    PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65_535).optional()),
    /** Set by Next while it builds: a build needs no public origin, the running server does. */
    NEXT_PHASE: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Tessera <no-reply@tessera.localhost>"),
    DATA_DIR: z.string().min(1).default(".data"),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    VERIFY_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
    /** How long a background job stays claimed without a heartbeat before another instance takes it over. */
    JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(60),
    VERIFY_API_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    SHARE_VIEW_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    SHARE_RENDER_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(30),
    TESSERA_DOCUMENTS: z.string().optional(),
    TESSERA_X509_TRUST_ANCHORS: z.string().min(1).optional(),
    TESSERA_TEST_CLOCK_FILE: z.string().min(1).optional(),
    /** Tests only: the port of a loopback test issuer the guarded fetcher may reach over plain http. */
    TESSERA_TEST_LOOPBACK_ISSUER_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    /**
     * The key-encryption key for holders' wallet DID keys: 32 random bytes, base64 or base64url
     * (openssl rand -base64 32). The start scripts generate one into DATA_DIR when it is unset.
     */
    TESSERA_KEY_ENCRYPTION_KEY: z
      .string()
      .refine(
        (value) => /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, "base64").length === 32,
        "TESSERA_KEY_ENCRYPTION_KEY must be 32 random bytes in base64 (try: openssl rand -base64 32)",
      )
      .optional(),
    /** Bearer token for GET /api/metrics; without it the endpoint does not exist (404). */
    METRICS_TOKEN: z
      .string()
      .regex(
        /^[\x21-\x7e]{32,256}$/,
        "METRICS_TOKEN must be 32 to 256 printable characters without spaces (try: openssl rand -hex 32)",
      )
      .optional(),
  })
  .superRefine((raw, context) => {
    // A loopback issuer allowance on a server the world can reach would open plain http to this
    // machine: it is refused unless the server's own origin is this machine (lib/net, ADR 0029).
    const origin = raw.AUTH_URL ? new URL(raw.AUTH_URL) : new URL(defaultAppUrl(raw.PORT));
    if (raw.TESSERA_TEST_LOOPBACK_ISSUER_PORT !== undefined && !["localhost", "127.0.0.1"].includes(origin.hostname))
      context.addIssue({
        code: "custom",
        path: ["TESSERA_TEST_LOOPBACK_ISSUER_PORT"],
        message:
          "TESSERA_TEST_LOOPBACK_ISSUER_PORT is for tests on this machine only: it is refused unless AUTH_URL is a localhost address",
      });
    if (raw.NODE_ENV === "production" && !raw.AUTH_URL && raw.NEXT_PHASE !== "phase-production-build")
      context.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message:
          "AUTH_URL must be set in production (the public origin links in emails point to), e.g. AUTH_URL=https://wallet.example.org npm start",
      });
  })
  .superRefine((raw, context) => {
    // Kept apart from the database it protects: production never falls back to a generated file.
    if (raw.NODE_ENV === "production" && !raw.TESSERA_KEY_ENCRYPTION_KEY && raw.NEXT_PHASE !== "phase-production-build")
      context.addIssue({
        code: "custom",
        path: ["TESSERA_KEY_ENCRYPTION_KEY"],
        message:
          "TESSERA_KEY_ENCRYPTION_KEY must be set in production (it encrypts holders' wallet DID keys; keep it apart from the database backups), e.g. TESSERA_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32)",
      });
  })
  .transform((raw) => ({
    nodeEnv: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === "production",
    databaseUrl: raw.DATABASE_URL,
    embeddedDatabase: raw.TESSERA_EMBEDDED_DB,
    authSecret: raw.AUTH_SECRET,
    appUrl: raw.AUTH_URL ? new URL(raw.AUTH_URL).origin : defaultAppUrl(raw.PORT),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    dataDir: raw.DATA_DIR,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    signInLimitPerEmail: raw.SIGNIN_LIMIT_PER_EMAIL,
    signInLimitPerIp: raw.SIGNIN_LIMIT_PER_IP,
    /** Stored verification results older than this are re-checked on view and in the background. */
    verifyMaxAgeMinutes: raw.VERIFY_MAX_AGE_MINUTES,
    jobLeaseMs: raw.JOB_LEASE_SECONDS * 1000,
    verifyApiLimitPerMinute: raw.VERIFY_API_LIMIT_PER_MINUTE,
    /** Share-link lookups (/v/… pages and downloads) per client address per minute. */
    shareViewLimitPerMinute: raw.SHARE_VIEW_LIMIT_PER_MINUTE,
    /**
     * How long a rendered share page may be served again while nothing it shows has changed
     * (0 turns the cache off). At most 60 s, so "checked" on the page is never older than that
     * past the verification cache (lib/shares/render-cache).
     */
    shareRenderCacheSeconds: raw.NODE_ENV === "production" ? raw.SHARE_RENDER_CACHE_SECONDS : 0,
    /** A document bundle (JSON: URL → file) consulted before the network, for air-gapped sites. */
    documentsBundle: raw.TESSERA_DOCUMENTS,
    /** A PEM file of certificate authorities vouching for JOSE issuers that sign with an x5c certificate. */
    x509TrustAnchorsFile: raw.TESSERA_X509_TRUST_ANCHORS,
    /** Encrypts wallet DID private keys at rest (lib/identities/key-encryption.ts); absent only outside production. */
    keyEncryptionKey: raw.TESSERA_KEY_ENCRYPTION_KEY,
    /** End-to-end tests only: a file holding a clock offset in ms (lib/clock.ts). */
    testClockFile: raw.TESSERA_TEST_CLOCK_FILE,
    /** End-to-end tests only: a loopback test issuer's port (never with a public AUTH_URL). */
    testLoopbackIssuerPort: raw.TESSERA_TEST_LOOPBACK_ISSUER_PORT,
    /** Prometheus scrapes /api/metrics with `Authorization: Bearer <this>`; unset, the endpoint is off. */
    metricsToken: raw.METRICS_TOKEN,
    /** The mail outbox page exists only in development, and only when no real SMTP is set. */
    devMailPage: raw.NODE_ENV !== "production" && !raw.SMTP_URL,
  }));

export type Env = z.output<typeof envSchema>;

/** Development without AUTH_URL: this machine, on the port the server listens on. */
export function defaultAppUrl(port: number | undefined): string {
  return `http://localhost:${port ?? 3000}`;
}

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // Auth.js reads AUTH_URL itself; pinning it means magic links are never built from a
    // forged Host or X-Forwarded-Host header (docs/threat-model.md A2).
    process.env.AUTH_URL = cached.appUrl;
  }
  return cached;
}

/**
 * Where this server process itself listens, for the share page's render cache to ask it for a
 * page. Read on each call: Next sets PORT only once the server is listening.
 */
export function loopbackOrigin(): string | null {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 ? `http://127.0.0.1:${port}` : null;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => getEnv()[key as keyof Env],
});
