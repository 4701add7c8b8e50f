import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ORIGIN, WALLET_ROUTES } from "./support/env";
import { expect, test } from "./support/fixtures";
import { expectSentToSignIn, SESSION_COOKIE } from "./support/flows";

/** Text that only a holder's page carries: the shell, the page bodies, holders' addresses. */
const HOLDER_MARKERS = [
  "Your wallet is empty",
  "No pathways yet",
  "You have not shared anything yet",
  "No credentials for a portfolio yet",
  "Take your wallet anywhere",
  "No cycle yet. Pick a profile",
  "Signed in as",
  "Delete my account",
  "Add a passkey",
  "Tessera wallet home",
  "@e2e.tessera.test",
  "@demo.tessera.test",
  "Amara",
];

/**
 * docs/threat-model.md A7: each way of asking must end in a redirect to sign-in and carry no holder data.
 * Router prefetches skip the proxy (see its matcher), so only the pages' own checks answer them.
 */
const VARIANTS: { name: string; query?: string; headers: Record<string, string>; prefetch?: boolean }[] = [
  { name: "plain request", headers: {} },
  { name: "x-middleware-subrequest (proxy)", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  {
    name: "x-middleware-subrequest (middleware)",
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  },
  { name: "RSC request", query: "?_rsc=1", headers: { RSC: "1" } },
  {
    name: "RSC + subrequest",
    query: "?_rsc=1",
    headers: { RSC: "1", "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  },
  { name: "RSC prefetch", query: "?_rsc=1", headers: { RSC: "1", "Next-Router-Prefetch": "1" }, prefetch: true },
];

function redirectTarget(response: APIResponse): URL | null {
  const status = response.status();
  return status >= 300 && status < 400 ? new URL(response.headers()["location"] ?? "", ORIGIN) : null;
}

/**
 * Next answers an `_rsc` value that does not match the request's router headers with a
 * redirect to the same path and the right value; follow those (only those) with the same headers.
 */
async function fetchRoute(
  request: APIRequestContext,
  route: string,
  query: string,
  headers: Record<string, string>,
): Promise<APIResponse> {
  let response = await request.get(`${route}${query}`, { headers, maxRedirects: 0 });
  for (let hop = 0; hop < 3; hop++) {
    const target = redirectTarget(response);
    if (!target || target.origin !== ORIGIN || target.pathname !== route || !target.searchParams.has("_rsc")) break;
    response = await request.get(`${target.pathname}${target.search}`, { headers, maxRedirects: 0 });
  }
  return response;
}

async function expectNoHolderData(response: APIResponse, route: string) {
  const body = await response.text();
  for (const marker of HOLDER_MARKERS) expect(body, `${route} must not reveal "${marker}"`).not.toContain(marker);
}

/** Sent to sign-in: as an HTTP redirect, or for an RSC request as the payload's redirect instruction. */
async function expectSentAway(response: APIResponse, route: string, { prefetch = false } = {}) {
  expect(response.status(), route).toBeLessThan(500);
  await expectNoHolderData(response, route);
  const target = redirectTarget(response);
  if (target) {
    expect(target.origin).toBe(ORIGIN);
    expect(target.pathname, `${route} redirects to sign-in`).toBe("/sign-in");
  } else if (!prefetch) {
    expect(response.status(), route).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/x-component");
    expect(await response.text(), `${route} payload redirects to sign-in`).toMatch(
      /NEXT_REDIRECT;[a-z]+;\/sign-in[;?]/,
    );
  }
}

test.describe("signed-out visitors at wallet routes", () => {
  for (const route of WALLET_ROUTES) {
    test(`${route} sends a browser to sign-in and back`, async ({ page }) => {
      await page.goto(route);
      await expectSentToSignIn(page, route);
    });
  }

  for (const variant of VARIANTS) {
    test(`no wallet route answers a ${variant.name} without a session`, async ({ request }) => {
      for (const route of WALLET_ROUTES) {
        const response = await fetchRoute(request, route, variant.query ?? "", variant.headers);
        if (!variant.prefetch)
          expect(redirectTarget(response)?.pathname, `the proxy redirects ${route}`).toBe("/sign-in");
        await expectSentAway(response, route, variant);
      }
    });

    test(`no wallet route answers a ${variant.name} with a made-up session cookie`, async ({ request }) => {
      // Any cookie gets past the proxy's quick check, so this exercises the pages' own checks.
      const headers = { ...variant.headers, Cookie: `${SESSION_COOKIE}=${crypto.randomUUID()}` };
      for (const route of WALLET_ROUTES)
        await expectSentAway(await fetchRoute(request, route, variant.query ?? "", headers), route, variant);
    });
  }
});
