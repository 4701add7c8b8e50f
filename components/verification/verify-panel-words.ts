import "server-only";
import { getTranslations } from "next-intl/server";
import { KIND_LABELS } from "@/lib/credentials/record";
import { KIND_KEYS } from "@/lib/i18n/kinds";
import { verificationWords } from "./verification-words-server";

/**
 * The public verifier's words, translated on the server and passed to its client island as props
 * (public pages load no i18n runtime, ADR 0031). Arguments stay as `{name}` for fillIn().
 */
export async function verifyPanelWords() {
  const [t, verification] = await Promise.all([getTranslations(), verificationWords()]);
  return {
    verification,
    fileLabel: t("verify.fileLabel"),
    fileHint: t("verify.fileHint"),
    pasteLabel: t("verify.pasteLabel"),
    check: t("verify.check"),
    checking: t("verify.checking"),
    couldNotRun: t("verify.couldNotRun"),
    resultFor: t("verify.resultFor", { title: "{title}" }),
    issuedBy: t("verify.issuedBy", { issuer: "{issuer}" }),
    issuedTo: t("verify.issuedTo", { recipient: "{recipient}" }),
    presentationLabel: t("verify.presentationLabel"),
    presentationKind: t("verify.presentationKind"),
    presentationHeading: t("verify.presentationHeading"),
    signedBy: t("verify.signedBy"),
    challenge: t("verify.challenge"),
    domain: t("verify.domain"),
    signedAt: t("verify.signedAt"),
    /** The API names a kind in English (KIND_LABELS); this says it in the reader's language. */
    kinds: Object.fromEntries(
      (Object.keys(KIND_KEYS) as (keyof typeof KIND_KEYS)[]).map((kind) => [KIND_LABELS[kind], t(KIND_KEYS[kind])]),
    ) as Record<string, string>,
  };
}

export type VerifyPanelWords = Awaited<ReturnType<typeof verifyPanelWords>>;
