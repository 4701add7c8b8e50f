/**
 * Runs once when a server process starts: loads the X.509 trust list (TESSERA_X509_TRUST_ANCHORS),
 * resumes imports that a crash or restart interrupted, re-checks stale verification results in the
 * background on a schedule, and (with SMTP) emails due expiry and renewal reminders hourly.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- NEXT_RUNTIME is set by Next itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ resumeInterruptedImportJobs }, { startVerificationRefresh }, { startReminderDigests }, anchors, { env }] =
    await Promise.all([
      import("@/lib/import/runner"),
      import("@/lib/credential-store/refresh-schedule"),
      import("@/lib/cpd/reminder-schedule"),
      import("@/lib/verify-service/trust-anchors"),
      import("@/lib/env"),
    ]);
  // A trust list that cannot be read stops the server here, with the file named.
  if (env.x509TrustAnchorsFile) anchors.setTrustAnchors(anchors.loadTrustAnchors(env.x509TrustAnchorsFile));
  await resumeInterruptedImportJobs().catch((error: unknown) =>
    console.error("[import] could not resume interrupted jobs:", error),
  );
  startVerificationRefresh();
  startReminderDigests();
}
