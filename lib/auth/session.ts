import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";

export interface CurrentHolder {
  id: string;
  email: string;
  name: string | null;
  /** Their language setting as stored (checked where it is used: lib/i18n/locales.ts), or null. */
  locale: string | null;
}

/** The signed-in holder for this request (memoised per request), or null. */
export const getCurrentHolder = cache(async (): Promise<CurrentHolder | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, locale: user.locale ?? null };
});

/** For pages: sends a signed-out visitor to sign-in and back here afterwards. */
export async function requireHolder(returnTo: string): Promise<CurrentHolder> {
  const holder = await getCurrentHolder();
  if (!holder) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return holder;
}
