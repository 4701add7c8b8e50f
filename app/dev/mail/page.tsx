import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox } from "@/lib/auth/outbox";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };

/** Development only: the messages Tessera would have emailed, so sign-in works with no mail server. */
export default async function DevMailPage() {
  if (!env.devMailPage) notFound();
  const messages = await listOutbox();
  return (
    <main id="main" className="mx-auto max-w-3xl px-5 py-8">
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        No mail server is configured, so Tessera writes each message to <code>{env.dataDir}/mail</code>. This page does
        not exist in production.
      </p>
      {messages.length === 0 ? <p className="mt-6">No messages yet.</p> : null}
      <ol className="mt-6 flex flex-col gap-4">
        {messages.map((message) => (
          <li
            key={message.id}
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="font-semibold">{message.subject}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              To {message.to} · {message.date}
            </p>
            <ul className="mt-2">
              {message.links.map((link) => (
                <li key={link}>
                  <a className="break-all font-medium text-brand-700 underline dark:text-brand-300" href={link}>
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </main>
  );
}
