import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function outboxFolder(): string {
  return path.join(env.dataDir, "mail");
}

/**
 * Sends through SMTP when SMTP_URL is set. Without it every message becomes an .eml file in
 * DATA_DIR/mail, built by nodemailer's stream transport so the file is a real RFC 5322 message
 * that any mail client opens. Addresses reaching this point were validated by
 * checkEmailAddress; nodemailer never parses user-typed text.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const message = { from: env.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
  if (env.smtpUrl) {
    await nodemailer.createTransport(env.smtpUrl).sendMail(message);
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(message);
  const folder = outboxFolder();
  await fs.mkdir(folder, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
  await fs.writeFile(path.join(folder, name), info.message as Buffer);
}
