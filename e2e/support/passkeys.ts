import fs from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, CDPSession, Page } from "@playwright/test";

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  credentialCount(): Promise<number>;
}

/**
 * A platform authenticator that holds discoverable credentials and says yes at once, through
 * Chromium's DevTools protocol: no real device, no dialog.
 */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<VirtualAuthenticator> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    async credentialCount() {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials.length;
    },
  };
}

/** @simplewebauthn/browser's UMD bundle, for driving the WebAuthn endpoints the way a hostile client would. */
export function simpleWebAuthnBrowserBundle(): string {
  const require = createRequire(import.meta.url);
  return fs.readFileSync(require.resolve("@simplewebauthn/browser/dist/bundle/index.umd.min.js"), "utf8");
}
