import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { outboxFolder } from "./mailer";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  links: string[];
}

const SAFE_ID = /^[\w.-]+\.eml$/;

/** Reads the development outbox, newest first. Only the dev mail page uses this. */
export async function listOutbox(limit = 50): Promise<OutboxMessage[]> {
  const folder = outboxFolder();
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const recent = names
    .filter((n) => SAFE_ID.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    recent.map(async (id) => {
      const parsed = await simpleParser(await fs.readFile(path.join(folder, id)));
      const text = parsed.text ?? "";
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      return {
        id,
        to,
        subject: parsed.subject ?? "",
        date: parsed.date?.toISOString() ?? "",
        text,
        links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
      };
    }),
  );
}
