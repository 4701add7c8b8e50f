"use client";

import { KeyRound } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** lib/wallet-archive/passphrase.ts PASSPHRASE_MIN_CHARS; the server checks it again. */
const MIN_CHARS = 12;

/**
 * The export that also carries the wallet DIDs' private keys, encrypted under a passphrase the
 * holder chooses here. A plain form POST (the passphrase in the body, never in a URL), so the
 * browser downloads the answer as it does the plain export; checked here first so a typo in the
 * repeat field cannot lock the keys away.
 */
export function ExportWithKeysForm({ action }: { action: string }) {
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string }>({});

  function check(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const passphrase = String(data.get("passphrase") ?? "");
    const repeat = String(data.get("repeat") ?? "");
    const next =
      [...passphrase.normalize("NFC")].length < MIN_CHARS
        ? { passphrase: `Choose a passphrase of at least ${MIN_CHARS} characters.` }
        : passphrase !== repeat
          ? { repeat: "The two passphrases are not the same." }
          : {};
    setErrors(next);
    if (next.passphrase || next.repeat) event.preventDefault();
  }

  return (
    <form method="post" action={action} onSubmit={check} className="flex flex-col gap-3" noValidate>
      <TextField
        label="Export passphrase"
        name="passphrase"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_CHARS} characters. Tessera does not keep it: without it the keys in the file cannot be opened.`}
        error={errors.passphrase}
      />
      <TextField
        label="Repeat the passphrase"
        name="repeat"
        type="password"
        autoComplete="new-password"
        error={errors.repeat}
      />
      <div>
        <Button type="submit" variant="secondary">
          <KeyRound className="h-4 w-4" aria-hidden="true" />
          Export with my wallet keys (.zip)
        </Button>
      </div>
    </form>
  );
}
