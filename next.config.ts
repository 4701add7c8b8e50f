import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads each request's language and catalog from here (ADR 0031).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A folder that runs with Node alone (scripts/start/bundle.ts completes it; ADR 0034).
  output: "standalone",
  reactStrictMode: true,
  typedRoutes: false,
  // PGlite and the pg driver stay plain Node modules, never bundled
  // (docs/architecture.md#pglite-stays-out-of-the-bundle).
  // jsonld too: one instance per process, so the offline default loader instrumentation.ts installs
  // is the one every bundle's verification code sees (ADR 0008).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "mailparser",
    "nodemailer",
    "rate-limiter-flexible",
    "jsonld",
    "pino",
    "prom-client",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Fallback policy for responses the proxy does not touch (API JSON, static files).
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
