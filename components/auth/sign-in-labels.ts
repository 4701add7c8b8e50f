import "server-only";
import { getTranslations } from "next-intl/server";

/**
 * The sign-in islands' words, translated on the server and passed as props: public pages load no
 * i18n runtime in the browser (ADR 0031).
 */
export async function signInLabels() {
  const t = await getTranslations();
  return {
    email: {
      label: t("auth.emailLabel"),
      placeholder: t("auth.emailPlaceholder"),
      sending: t("auth.sending"),
      send: t("auth.sendLink"),
    },
    passkey: {
      button: t("auth.passkeyButton"),
      waiting: t("auth.passkeyWaiting"),
      failed: t("auth.passkeyFailed"),
    },
  };
}

export type SignInLabels = Awaited<ReturnType<typeof signInLabels>>;
