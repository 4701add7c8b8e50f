import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { VerificationWords } from "./verification-words";

/** The verification words in the reader's language (see verification-words.ts). */
export async function verificationWords(): Promise<VerificationWords> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return {
    locale,
    checks: {
      proof: t("verification.checks.proof"),
      issuer: t("verification.checks.issuer"),
      validity: t("verification.checks.validity"),
      status: t("verification.checks.status"),
      recipient: t("verification.checks.recipient"),
      holder: t("verification.checks.holder"),
    },
    outcomes: {
      passed: t("verification.outcomes.passed"),
      failed: t("verification.outcomes.failed"),
      unknown: t("verification.outcomes.unknown"),
    },
    pills: {
      verified: t("verification.pills.verified"),
      "not-verified": t("verification.pills.notVerified"),
      unknown: t("verification.pills.unknown"),
      unchecked: t("verification.pills.unchecked"),
      "self-reported": t("verification.pills.selfReported"),
    },
    checked: t("verification.checked", { time: "{time}" }),
    checksLabel: t("verification.checksLabel"),
    technicalDetails: t("verification.technicalDetails"),
  };
}
