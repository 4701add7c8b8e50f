"use client";

import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
          <h1 className="text-3xl font-bold">Tessera is having trouble</h1>
          <p>Nothing in your wallet was changed. Please try again in a moment. Reference: {error.digest ?? "none"}</p>
          <div>
            <button onClick={reset} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white">
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
