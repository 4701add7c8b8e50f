/**
 * Runs once when a server process starts: installs jsonld's offline default document loader, loads the X.509 trust list (TESSERA_X509_TRUST_ANCHORS),
 * resumes imports that a crash or restart interrupted, re-checks stale verification results in the
 * background on a schedule, and (with SMTP) emails due expiry and renewal reminders hourly
 * (lib/runtime/).
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- NEXT_RUNTIME is set by Next itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ installOfflineDefaultLoader }, { loadConfiguredTrustAnchors }, { startBackgroundWork }] = await Promise.all([
    import("@/lib/verification/document-loader"),
    import("@/lib/runtime/trust-anchors"),
    import("@/lib/runtime/schedulers"),
  ]);
  // A JSON-LD call that forgets its loader fails closed instead of reaching the network (ADR 0008).
  installOfflineDefaultLoader();
  // A trust list that cannot be read stops the server here, with the file named.
  loadConfiguredTrustAnchors();
  await startBackgroundWork();
}
