export type UploadOutcome = { ok: true; message: string } | { ok: false; message: string };

export const WALLET_RESTORE_PATH = "/api/wallet/restore";

/**
 * POSTs the archive as the raw body (application/zip: a type no cross-site form can send) with
 * XMLHttpRequest, the one browser API that reports upload progress. The export passphrase, when
 * given, goes in a header (never in the URL, which logs and histories keep).
 */
export function uploadWalletArchive(
  file: File,
  passphrase: string,
  onProgress: (percent: number | null) => void,
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", WALLET_RESTORE_PATH);
    xhr.setRequestHeader("content-type", "application/zip");
    // lib/wallet-archive/http.ts PASSPHRASE_HEADER; percent-encoded, as a header is Latin-1.
    if (passphrase) xhr.setRequestHeader("x-tessera-export-passphrase", encodeURIComponent(passphrase));
    xhr.upload.onprogress = (event) =>
      onProgress(event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null);
    xhr.onerror = () =>
      resolve({
        ok: false,
        message: "The upload did not reach Tessera. Check your connection and try again; nothing was restored.",
      });
    xhr.onload = () => {
      let body: { message?: unknown; error?: unknown } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // an answer that is not ours (a proxy's error page): fall through to the generic message
      }
      if (xhr.status === 200 && typeof body.message === "string") return resolve({ ok: true, message: body.message });
      resolve({
        ok: false,
        message:
          typeof body.error === "string"
            ? body.error
            : `Tessera could not restore this archive (error ${xhr.status}). Nothing was restored.`,
      });
    };
    xhr.send(file);
  });
}
