import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { AUTH_SECRET: "x".repeat(32) };

const KEK = Buffer.alloc(32, 7).toString("base64");

describe("parseEnv", () => {
  it("applies defaults for a minimal development setup", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({
      nodeEnv: "development",
      appUrl: "http://localhost:3000",
      dataDir: ".data",
      trustedProxyHops: 0,
      embeddedDatabase: false,
    });
    expect(env.devMailPage).toBe(true);
  });

  it("rejects a missing or short AUTH_SECRET, naming the variable", () => {
    expect(() => parseEnv({})).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
  });

  it("rejects a DATABASE_URL that is not a postgres URL", () => {
    expect(() => parseEnv({ ...base, DATABASE_URL: "mysql://root@localhost/db" })).toThrow(
      /DATABASE_URL must be a postgres/,
    );
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://u@h:5432/d" }).databaseUrl).toBe("postgresql://u@h:5432/d");
  });

  it("reduces AUTH_URL to its origin and refuses non-http schemes", () => {
    expect(parseEnv({ ...base, AUTH_URL: "https://wallet.example.org/some/path" }).appUrl).toBe(
      "https://wallet.example.org",
    );
    expect(() => parseEnv({ ...base, AUTH_URL: "javascript:alert(1)" })).toThrow(/AUTH_URL/);
  });

  it("follows the server's port for the default AUTH_URL in development", () => {
    expect(parseEnv({ ...base, PORT: "4000" }).appUrl).toBe("http://localhost:4000");
    expect(parseEnv({ ...base, PORT: "4000", AUTH_URL: "https://wallet.example.org" }).appUrl).toBe(
      "https://wallet.example.org",
    );
    expect(() => parseEnv({ ...base, PORT: "http" })).toThrow(/PORT/);
  });

  it("requires a 32-byte key-encryption key in production, and validates one given anywhere", () => {
    const production = { ...base, NODE_ENV: "production", AUTH_URL: "https://w.example" };
    expect(() => parseEnv(production)).toThrow(/TESSERA_KEY_ENCRYPTION_KEY must be set in production/);
    expect(parseEnv({ ...production, TESSERA_KEY_ENCRYPTION_KEY: KEK }).keyEncryptionKey).toBe(KEK);
    expect(parseEnv({ ...production, NEXT_PHASE: "phase-production-build" }).keyEncryptionKey).toBeUndefined();
    expect(parseEnv(base).keyEncryptionKey).toBeUndefined();
    for (const bad of ["short", Buffer.alloc(16).toString("base64"), `${KEK}x`])
      expect(() => parseEnv({ ...base, TESSERA_KEY_ENCRYPTION_KEY: bad })).toThrow(/32 random bytes/);
  });

  it("requires AUTH_URL in production, except while Next builds", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production", PORT: "4000" })).toThrow(
      /AUTH_URL: AUTH_URL must be set in production/,
    );
    const building = parseEnv({ ...base, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    expect(building.isProduction).toBe(true);
  });

  it("allows a loopback test issuer only on a server whose own origin is localhost", () => {
    expect(parseEnv({ ...base, TESSERA_TEST_LOOPBACK_ISSUER_PORT: "3999" }).testLoopbackIssuerPort).toBe(3999);
    expect(parseEnv(base).testLoopbackIssuerPort).toBeUndefined();
    expect(() =>
      parseEnv({
        ...base,
        NODE_ENV: "production",
        AUTH_URL: "https://wallet.example.org",
        TESSERA_TEST_LOOPBACK_ISSUER_PORT: "3999",
      }),
    ).toThrow(/TESSERA_TEST_LOOPBACK_ISSUER_PORT is for tests on this machine only/);
  });

  it("hides the development mailbox in production and when SMTP is configured", () => {
    expect(
      parseEnv({ ...base, NODE_ENV: "production", AUTH_URL: "https://w.example", TESSERA_KEY_ENCRYPTION_KEY: KEK })
        .devMailPage,
    ).toBe(false);
    expect(parseEnv({ ...base, SMTP_URL: "smtp://mail.example.org:587" }).devMailPage).toBe(false);
    expect(() => parseEnv({ ...base, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
  });

  it("coerces numbers and flags, and bounds them", () => {
    const env = parseEnv({ ...base, TRUSTED_PROXY_HOPS: "2", TESSERA_EMBEDDED_DB: "1", SIGNIN_LIMIT_PER_EMAIL: "3" });
    expect(env).toMatchObject({ trustedProxyHops: 2, embeddedDatabase: true, signInLimitPerEmail: 3 });
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...base, NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });

  it("takes a metrics token only when it is long enough to be a secret", () => {
    expect(parseEnv(base).metricsToken).toBeUndefined();
    expect(parseEnv({ ...base, METRICS_TOKEN: "a".repeat(32) }).metricsToken).toBe("a".repeat(32));
    expect(() => parseEnv({ ...base, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be 32 to 256/);
    expect(() => parseEnv({ ...base, METRICS_TOKEN: `${"a".repeat(32)} b` })).toThrow(/METRICS_TOKEN/);
  });
});
