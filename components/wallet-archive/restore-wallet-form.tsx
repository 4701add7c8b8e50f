"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { uploadWalletArchive, type UploadOutcome } from "./upload-archive";

const MB = 1024 * 1024;
/** The server's cap (lib/wallet-archive/format.ts RESTORE_LIMITS.maxArchiveBytes), checked here first to spare mobile data. */
const MAX_ARCHIVE_BYTES = 200 * MB;

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number | null }
  | { phase: "checking" }
  | { phase: "done"; outcome: UploadOutcome };

/** Chooses a wallet archive and uploads it, showing real upload progress, then what was restored or why not. */
export function RestoreWalletForm({ disabledReason }: { disabledReason?: string }) {
  const inputId = useId();
  const hintId = useId();
  const passphraseId = useId();
  const passphraseHintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const passphrase = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "checking";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file)
      return setState({ phase: "done", outcome: { ok: false, message: "Choose a wallet archive (.zip) first." } });
    if (file.size > MAX_ARCHIVE_BYTES)
      return setState({
        phase: "done",
        outcome: {
          ok: false,
          message: `That file is ${Math.ceil(file.size / MB)} MB; Tessera restores archives up to 200 MB. Nothing was restored.`,
        },
      });
    setState({ phase: "uploading", percent: 0 });
    const outcome = await uploadWalletArchive(file, passphrase.current?.value ?? "", (percent) =>
      setState(percent === 100 ? { phase: "checking" } : { phase: "uploading", percent }),
    );
    setState({ phase: "done", outcome });
    if (outcome.ok) router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Restore a wallet archive">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-sm font-medium">
          Wallet archive (.zip)
        </label>
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {disabledReason ?? "A file named like tessera-wallet-2026-12-06.zip, up to 200 MB."}
        </p>
        <input
          ref={input}
          id={inputId}
          name="archive"
          type="file"
          accept=".zip,application/zip"
          aria-describedby={hintId}
          disabled={busy || disabledReason !== undefined}
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100 dark:file:bg-slate-800 dark:file:text-slate-100"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={passphraseId} className="text-sm font-medium">
          Export passphrase (only if you set one)
        </label>
        <p id={passphraseHintId} className="text-sm text-slate-600 dark:text-slate-400">
          The passphrase you chose for an export with your wallet keys.
        </p>
        <input
          ref={passphrase}
          id={passphraseId}
          name="passphrase"
          type="password"
          autoComplete="current-password"
          aria-describedby={passphraseHintId}
          disabled={busy || disabledReason !== undefined}
          className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={busy || disabledReason !== undefined}>
          <Upload className="h-4 w-4" aria-hidden="true" />
          Restore wallet
        </Button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2">
        {state.phase === "uploading" ? (
          <>
            <label className="text-sm" htmlFor={`${inputId}-progress`}>
              Uploading{state.percent !== null ? ` ${state.percent}%` : "…"}
            </label>
            <progress id={`${inputId}-progress`} max={100} value={state.percent ?? undefined} className="h-2 w-full" />
          </>
        ) : null}
        {state.phase === "checking" ? <p className="text-sm">Checking the archive and restoring…</p> : null}
      </div>
      {state.phase === "done" ? (
        <Alert
          tone={state.outcome.ok ? "success" : "error"}
          title={state.outcome.ok ? "Wallet restored" : "Nothing was restored"}
        >
          {state.outcome.message}
        </Alert>
      ) : null}
    </form>
  );
}
