import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { inArray, like, or } from "drizzle-orm";
import { users, verificationTokens } from "../db/schema";
import { dbQuery, hashMagicLinkToken } from "./support/db";
import { ORIGIN, SIGNIN_LIMIT_PER_EMAIL } from "./support/env";
import { expect, test } from "./support/fixtures";
import {
  confirmMagicLink,
  expectSentToSignIn,
  requestMagicLink,
  sessionCookie,
  settle,
  signInByMagicLink,
  uniqueEmail,
} from "./support/flows";
import { mailsTo, outboxFiles, waitForMail } from "./support/mail";

const INVALID_EMAIL = "Enter one valid email address, like name@example.org.";
const LINK_EXPIRED = "This sign-in link has expired or was already used";

async function expectLinkRefused(page: Page) {
  await expect(page).toHaveURL(`${ORIGIN}/sign-in/error?error=Verification`);
  await expect(page.getByRole("alert").filter({ hasText: LINK_EXPIRED })).toBeVisible();
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token")!;
}

test.describe("magic links that must not work (docs/threat-model.md A1)", () => {
  test("a link works once", async ({ page, newContext }) => {
    const email = uniqueEmail("reuse");
    const mail = await signInByMagicLink(page, email);

    const other = await (await newContext()).newPage();
    await confirmMagicLink(other, mail.magicLink!);
    await expectLinkRefused(other);
    expect(await sessionCookie(other.context())).toBeUndefined();

    await settle(page);
    await settle(other);
    const rows = await dbQuery((db) =>
      db
        .select()
        .from(verificationTokens)
        .where(inArray(verificationTokens.identifier, [email])),
    );
    expect(rows, "the token row is gone after its first use").toEqual([]);
  });

  test("a link with one character of its token changed is refused, and the real one still works", async ({
    page,
    context,
  }) => {
    const email = uniqueEmail("tamper");
    const mail = await requestMagicLink(page, email);
    const link = new URL(mail.magicLink!);
    const token = tokenOf(mail.magicLink!);
    const last = token.at(-1)!;
    link.searchParams.set("token", `${token.slice(0, -1)}${last === "a" ? "b" : "a"}`);

    await confirmMagicLink(page, link.toString());
    await expectLinkRefused(page);
    expect(await sessionCookie(context)).toBeUndefined();

    await confirmMagicLink(page, mail.magicLink!);
    await expect(page).toHaveURL(`${ORIGIN}/wallet`);
  });

  test("an expired link is refused (its token row is written directly with a past expiry)", async ({
    page,
    context,
  }) => {
    // The server clock cannot be moved, so the rows are made the way Auth.js makes them:
    // verification_tokens.token = sha256(token + AUTH_SECRET). The still-valid control row proves
    // the hashing matches, so the expired row is refused for its expiry, not for a bad hash.
    const expiredEmail = uniqueEmail("expired");
    const controlEmail = uniqueEmail("control");
    const expiredToken = crypto.randomBytes(32).toString("hex");
    const controlToken = crypto.randomBytes(32).toString("hex");
    await dbQuery((db) =>
      db.insert(verificationTokens).values([
        { identifier: expiredEmail, token: hashMagicLinkToken(expiredToken), expires: new Date(Date.now() - 1000) },
        {
          identifier: controlEmail,
          token: hashMagicLinkToken(controlToken),
          expires: new Date(Date.now() + 10 * 60 * 1000),
        },
      ]),
    );
    const linkFor = (token: string, email: string) =>
      `/sign-in/confirm?${new URLSearchParams({ token, email, callbackUrl: `${ORIGIN}/wallet` })}`;

    await confirmMagicLink(page, linkFor(expiredToken, expiredEmail));
    await expectLinkRefused(page);
    expect(await sessionCookie(context)).toBeUndefined();

    await confirmMagicLink(page, linkFor(controlToken, controlEmail));
    await expect(page).toHaveURL(`${ORIGIN}/wallet`);
    await expect(page.getByRole("heading", { name: "Your wallet is empty" })).toBeVisible();

    await settle(page);
    const created = await dbQuery((db) =>
      db
        .select({ email: users.email })
        .from(users)
        .where(inArray(users.email, [expiredEmail, controlEmail])),
    );
    expect(created).toEqual([{ email: controlEmail }]);
  });
});

// docs/threat-model.md A3: one plain mailbox only. Each is refused before any mail or row is written.
const SMUGGLED_ADDRESSES: [string, string][] = [
  ["comma list", "a@x.test,v@y.test"],
  ["quoted local part", '"e@evil.test"@y.test'],
  ["fullwidth at sign", "v\uFF20evil.test"],
  ["group syntax", "g:e@evil.test;"],
  [
    "320 characters",
    `${"a".repeat(64)}@${["x".repeat(63), "y".repeat(63), "z".repeat(63), "w".repeat(58), "test"].join(".")}`,
  ],
];

test.describe("email addresses that must be refused (docs/threat-model.md A3)", () => {
  test("the sign-in form refuses each smuggling form with a field error and sends nothing", async ({ page }) => {
    const filesBefore = await outboxFiles();
    await page.goto("/sign-in");
    const field = page.getByLabel("Email address");
    for (const [label, address] of SMUGGLED_ADDRESSES) {
      await test.step(label, async () => {
        if (label === "320 characters") {
          expect(address).toHaveLength(320);
          // The field's maxlength would cut the address short; an attacker's client has none.
          await field.evaluate((input) => input.removeAttribute("maxlength"));
        }
        await field.fill(address);
        await page.getByRole("button", { name: "Email me a sign-in link" }).click();
        await expect(field).toHaveAccessibleDescription(INVALID_EMAIL);
        await expect(field).toHaveAttribute("aria-invalid", "true");
        await expect(page).toHaveURL(`${ORIGIN}/sign-in`);
        // Clear the error so the next address shows a fresh one.
        await page.reload();
      });
    }
    // Each refusal came back from the server action, so anything it would have written exists.
    expect(await outboxFiles()).toEqual(filesBefore);
    await settle(page);
    const rows = await dbQuery((db) =>
      db
        .select({ email: users.email })
        .from(users)
        .where(
          or(
            like(users.email, "%evil.test%"),
            like(users.email, "%@x.test%"),
            like(users.email, "%@y.test%"),
            like(users.email, "%wwwwwwww%"),
          ),
        ),
    );
    expect(rows).toEqual([]);
    const tokens = await dbQuery((db) =>
      db
        .select({ identifier: verificationTokens.identifier })
        .from(verificationTokens)
        .where(
          or(
            like(verificationTokens.identifier, "%evil.test%"),
            like(verificationTokens.identifier, "%.test,%"),
            like(verificationTokens.identifier, "%wwwwwwww%"),
          ),
        ),
    );
    expect(tokens).toEqual([]);
  });

  test("Auth.js's own endpoint refuses them too, and CR/LF header injection", async ({ request }) => {
    const filesBefore = await outboxFiles();
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const addresses = [
      ...SMUGGLED_ADDRESSES.map(([, address]) => address),
      "v@y.test\r\nBcc: e@evil.test",
      "v@y.test\nBcc: e@evil.test",
    ];
    for (const email of addresses) {
      const response = await request.post("/api/auth/signin/email", {
        form: { email, csrfToken, callbackUrl: "/wallet" },
        maxRedirects: 0,
      });
      expect(response.status(), email).toBe(400);
      // The one JSON error shape (lib/http/route.ts errorResponse): the message, and the field it is about.
      expect(await response.json()).toEqual({ error: INVALID_EMAIL, fieldErrors: { email: [INVALID_EMAIL] } });
    }
    expect(await outboxFiles()).toEqual(filesBefore);
  });
});

test.describe("sessions and redirects that must not be trusted", () => {
  test("a forged or garbled session cookie is treated as signed out (docs/threat-model.md A6)", async ({
    page,
    context,
  }) => {
    test.slow(); // a sign-in and five visits, each with a fresh cookie
    const real = await signInByMagicLink(page, uniqueEmail("garble")).then(() => sessionCookie(context));
    const value = real!.value;
    const forgeries = {
      garbage: "not-a-session",
      "random uuid": crypto.randomUUID(),
      "one character changed": `${value.slice(0, -1)}${value.at(-1) === "0" ? "1" : "0"}`,
      "very long": "x".repeat(3000),
      "sql-looking": "' OR '1'='1",
    };
    await context.clearCookies();
    for (const [label, forged] of Object.entries(forgeries)) {
      await test.step(label, async () => {
        await context.addCookies([{ ...real!, value: forged }]);
        await page.goto("/wallet");
        await expectSentToSignIn(page, "/wallet", { staleCookie: true });
        await page.goto("/");
        await expect(page.getByRole("link", { name: "Create your wallet" })).toBeVisible();
        await context.clearCookies();
      });
    }
  });

  // docs/threat-model.md A4. Each value is what goes on the wire after "callbackUrl=".
  const REDIRECTS: [string, string][] = [
    ["https://evil.test", encodeURIComponent("https://evil.test")],
    ["//evil.test", encodeURIComponent("//evil.test")],
    ["/\\evil.test", encodeURIComponent("/\\evil.test")],
    ["https:evil.test", encodeURIComponent("https:evil.test")],
    [".evil.test", encodeURIComponent(".evil.test")],
    ["@evil.test", encodeURIComponent("@evil.test")],
    ["java%0ascript:alert(1)", "java%0ascript:alert(1)"],
    ["%zz", "%zz"],
  ];

  for (const [label, raw] of REDIRECTS) {
    test(`callbackUrl ${label} never leaves our origin`, async ({ page }) => {
      test.slow(); // three sign-ins through the real mail folder
      const email = uniqueEmail("redirect");
      const expectHome = async () => {
        await expect(page).toHaveURL(`${ORIGIN}/wallet`);
        await expect(page.getByRole("heading", { name: "Your wallet is empty" })).toBeVisible();
      };

      await test.step("on the sign-in page", async () => {
        await signInByMagicLink(page, email, { signInPath: `/sign-in?callbackUrl=${raw}` });
        await expectHome();
        await page.context().clearCookies();
      });

      const withCallback = (link: string, base: string) => {
        const url = new URL(link);
        url.searchParams.delete("callbackUrl");
        return `${base}?${url.searchParams}&callbackUrl=${raw}`;
      };

      await test.step("in the emailed link", async () => {
        const mail = await requestMagicLink(page, email);
        await confirmMagicLink(page, withCallback(mail.magicLink!, `${ORIGIN}/sign-in/confirm`));
        await expectHome();
        await page.context().clearCookies();
      });

      await test.step("straight to Auth.js's callback", async () => {
        const mail = await requestMagicLink(page, email);
        await page.goto(withCallback(mail.magicLink!, `${ORIGIN}/api/auth/callback/email`));
        await expectHome();
      });
    });
  }
});

test.describe("mail abuse", () => {
  test("a forged X-Forwarded-Host or Host never reaches the emailed link (docs/threat-model.md A2)", async ({
    request,
  }) => {
    const forgeries: Record<string, string>[] = [
      { "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "https" },
      { Host: "evil.test" },
    ];
    for (const headers of forgeries) {
      await test.step(JSON.stringify(headers), async () => {
        const email = uniqueEmail("host");
        const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
        const before = (await mailsTo(email)).length;
        const response = await request.post("/api/auth/signin/email", {
          form: { email, csrfToken, callbackUrl: `${ORIGIN}/wallet` },
          headers,
          maxRedirects: 0,
        });
        expect(response.status(), await response.text()).toBeLessThan(400);
        expect(response.headers()["location"] ?? "").not.toContain("evil.test");
        const mail = await waitForMail(email, before);
        expect(mail.links.length).toBeGreaterThan(0);
        for (const link of mail.links) expect(link.startsWith(`${ORIGIN}/`), link).toBe(true);
        expect(mail.text).not.toContain("evil.test");
      });
    }
  });

  test(`an address gets at most ${SIGNIN_LIMIT_PER_EMAIL} sign-in mails per window`, async ({ page }) => {
    test.slow(); // seven sign-in requests
    const email = uniqueEmail("flood");
    for (let i = 0; i < SIGNIN_LIMIT_PER_EMAIL; i++) await requestMagicLink(page, email);
    expect(await mailsTo(email)).toHaveLength(SIGNIN_LIMIT_PER_EMAIL);

    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in emails were requested" })).toBeVisible();
    await expect(page).toHaveURL(`${ORIGIN}/sign-in`);
    expect(await mailsTo(email)).toHaveLength(SIGNIN_LIMIT_PER_EMAIL);

    // Another address is not affected by this one's limit.
    await requestMagicLink(page, uniqueEmail("bystander"));
  });
});
