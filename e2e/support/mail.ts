import fs from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type AddressObject } from "mailparser";
import { MAIL_DIR } from "./env";

/** One message the app wrote to the outbox folder (no SMTP in e2e: every mail is an .eml file). */
export interface SentMail {
  file: string;
  to: string[];
  subject: string;
  text: string;
  /** Every http(s) URL in the text part and every href in the HTML part. */
  links: string[];
  /** The /sign-in/confirm link, when the mail is a sign-in mail. */
  magicLink: string | undefined;
}

const parsed = new Map<string, SentMail>();

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value.map((a) => (a.address ?? "").toLowerCase()));
}

async function parseMail(file: string): Promise<SentMail | undefined> {
  const raw = await fs.readFile(path.join(MAIL_DIR, file));
  // The server writes each file in one call, but a poll can still catch one half-written. Our
  // mails are multipart (text + HTML): one is complete once its closing boundary is there.
  if (!/--\s*$/.test(raw.toString("utf8"))) return undefined;
  const message = await simpleParser(raw);
  const text = message.text ?? "";
  const html = typeof message.html === "string" ? message.html : "";
  const textLinks = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
  const htmlLinks = [...html.matchAll(/href="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll("&#38;", "&").replaceAll("&amp;", "&"),
  );
  const links = [...textLinks, ...htmlLinks];
  const magicLink = textLinks.find((link) => new URL(link).pathname === "/sign-in/confirm");
  return { file, to: addresses(message.to), subject: message.subject ?? "", text, links, magicLink };
}

/** Names of every .eml file in the outbox, oldest first (names start with an ISO timestamp). */
export async function outboxFiles(): Promise<string[]> {
  const names = await fs.readdir(MAIL_DIR).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".eml")).sort();
}

/** Every complete message sent to `email`, oldest first. */
export async function mailsTo(email: string): Promise<SentMail[]> {
  const wanted = email.toLowerCase();
  const result: SentMail[] = [];
  for (const file of await outboxFiles()) {
    let mail = parsed.get(file);
    if (!mail) {
      mail = await parseMail(file);
      if (!mail) continue;
      parsed.set(file, mail);
    }
    if (mail.to.includes(wanted)) result.push(mail);
  }
  return result;
}

/**
 * Waits for a new message to `email`: the one after the first `previousCount` messages (take
 * the count with mailsTo before triggering the mail). Polls the folder; no fixed sleeps.
 */
export async function waitForMail(email: string, previousCount: number, timeout = 10_000): Promise<SentMail> {
  let mail: SentMail | undefined;
  await expect
    .poll(
      async () => {
        const all = await mailsTo(email);
        mail = all.at(-1);
        return all.length;
      },
      { message: `a new mail to ${email} in ${MAIL_DIR}`, timeout },
    )
    .toBeGreaterThan(previousCount);
  return mail!;
}
