import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReminderSettingsForm } from "@/components/cpd/reminder-settings-form";
import { DeleteAccount } from "@/components/settings/delete-account";
import { EmailAddresses } from "@/components/settings/email-addresses";
import { WalletDid } from "@/components/settings/wallet-did";
import { LanguageForm } from "@/components/settings/language-form";
import { Passkeys } from "@/components/settings/passkeys";
import { ProfileForm } from "@/components/settings/profile-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/database";
import { requireHolder } from "@/lib/auth/session";
import { getReminderSettings } from "@/lib/cpd/reminders-data";
import { getHolderProfile, listPasskeys } from "@/lib/holders/data";
import { listEmailAddresses } from "@/lib/identities/emails-data";
import { getOrCreateWalletDid, listWalletDids } from "@/lib/identities/wallet-did";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, textDirection } from "@/lib/i18n/locales";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const holder = await requireHolder("/settings");
  const db = getDb();
  const [profile, passkeys, reminders, addresses] = await Promise.all([
    getHolderProfile(db, holder.id),
    listPasskeys(db, holder.id),
    getReminderSettings(db, holder.id),
    listEmailAddresses(db, holder.id),
  ]);
  if (!profile) notFound();
  // Made on first use: the first visit here gives the holder a DID to hand to issuers.
  const currentDid = await getOrCreateWalletDid(db, holder.id);
  const previousDids = (await listWalletDids(db, holder.id)).filter((row) => row.status === "previous");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const browserLocale = localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${profile.email}`} />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
            Profile
          </h2>
          <ProfileForm name={profile.name} profession={profile.profession} />
        </Card>
        <Card aria-labelledby="emails-heading">
          <h2 id="emails-heading" className="mb-4 text-lg font-semibold">
            Email addresses
          </h2>
          <EmailAddresses
            signIn={addresses.signIn}
            others={addresses.others.map((row) => row.email)}
            pending={addresses.pending.map((row) => row.email)}
          />
        </Card>
        <Card aria-labelledby="did-heading">
          <h2 id="did-heading" className="mb-4 text-lg font-semibold">
            Wallet DID
          </h2>
          <WalletDid
            current={currentDid}
            previous={previousDids.map((row) => ({
              did: row.did,
              retiredOn: (row.retiredAt ?? row.createdAt).toISOString().slice(0, 10),
            }))}
          />
        </Card>
        {/* Translated while the rest of Settings is not yet (lib/i18n/translated-routes.ts). */}
        <Card aria-labelledby="language-heading" lang={locale} dir={textDirection(locale)}>
          <h2 id="language-heading" className="mb-4 text-lg font-semibold">
            {t("settings.languageHeading")}
          </h2>
          <LanguageForm saved={isLocale(holder.locale) ? holder.locale : null} browser={browserLocale} />
        </Card>
        <Card aria-labelledby="passkeys-heading">
          <h2 id="passkeys-heading" className="mb-4 text-lg font-semibold">
            Passkeys
          </h2>
          <Passkeys passkeys={passkeys} />
        </Card>
        <Card aria-labelledby="reminders-heading">
          <h2 id="reminders-heading" className="mb-4 text-lg font-semibold">
            Reminders
          </h2>
          <ReminderSettingsForm inApp={reminders.inApp} email={reminders.email} />
        </Card>
        <Card aria-labelledby="session-heading">
          <h2 id="session-heading" className="mb-4 text-lg font-semibold">
            Session
          </h2>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </Card>
        <Card aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-4 text-lg font-semibold">
            Delete account
          </h2>
          <DeleteAccount email={profile.email} />
        </Card>
      </div>
    </>
  );
}
