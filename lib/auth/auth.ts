import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import type { NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { Database } from "@/db/client";
import { holderIdByConfirmedEmail } from "@/lib/identities/emails-data";
import Passkey from "next-auth/providers/passkey";
import { getDb } from "@/lib/runtime/database";
import { accounts, authenticators, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { normalizeEmailAddress } from "./email-address";
import { signInMailLocale } from "./mail-locale";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "./magic-link-lifetime";
import { sendMagicLinkMail } from "./magic-link-mail";
import { safeRedirectPath } from "./safe-redirect";
import { logWarning } from "@/lib/observability/logger";

declare module "next-auth" {
  interface User {
    /** users.locale, the holder's language setting. */
    locale?: string | null;
  }
}

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Signing in works with any address the holder confirmed: Auth.js finds the account by the address
 * the link was sent to, so an address confirmed in Settings leads to its holder, never to a new
 * account (and, being unique across holders, never to someone else's).
 */
function withConfirmedAddresses(db: Database, adapter: Adapter): Adapter {
  return {
    ...adapter,
    async getUserByEmail(email) {
      const bySignInAddress = await adapter.getUserByEmail!(email);
      if (bySignInAddress) return bySignInAddress;
      const holderId = await holderIdByConfirmedEmail(db, email);
      return holderId ? adapter.getUser!(holderId) : null;
    },
  };
}

function buildConfig(): NextAuthConfig {
  const db = getDb();
  const secure = env.appUrl.startsWith("https://");
  return {
    secret: env.authSecret,
    adapter: withConfirmedAddresses(
      db,
      DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
        authenticatorsTable: authenticators,
      }),
    ),
    // Database sessions: sign-out and account deletion end them at once (docs/threat-model.md A6).
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    cookies: {
      sessionToken: {
        // __Host- pins the cookie to our exact origin over HTTPS; plain HTTP (localhost) cannot use it.
        name: secure ? "__Host-tessera.session" : "tessera.session",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        from: env.mailFrom,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: normalizeEmailAddress,
        async sendVerificationRequest({ identifier, url }) {
          await sendMagicLinkMail(identifier, url, await signInMailLocale(db, identifier));
        },
        options: {},
      },
      Passkey({ relayingParty: { name: "Tessera" } }),
    ],
    experimental: { enableWebAuthn: true },
    pages: { signIn: "/sign-in", verifyRequest: "/check-email", error: "/sign-in/error" },
    callbacks: {
      async signIn({ user, account }) {
        // A passkey may be added to an existing account from Settings, never used to create one:
        // otherwise anyone could pre-register a passkey under someone else's email address.
        if (account?.type === "webauthn") {
          const existing = await db.query.users.findFirst({
            columns: { id: true },
            where: eq(users.id, user.id ?? ""),
          });
          return Boolean(existing);
        }
        return true;
      },
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, baseUrl), baseUrl).toString();
      },
      session({ session, user }) {
        session.user.id = user.id;
        // The adapter hands over the whole users row; the language setting rides along (lib/i18n/request.ts).
        session.user.locale = user.locale ?? null;
        return session;
      },
    },
    trustHost: true,
    logger: {
      // Passkeys are a deliberate, documented choice (ADR 0003); the per-request notice is noise.
      warn: (code) => {
        if (code !== "experimental-webauthn") logWarning("auth", "Auth.js warning", { code });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
