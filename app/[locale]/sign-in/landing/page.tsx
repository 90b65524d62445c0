import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { getCurrentUser } from "@/lib/auth/session";
import { landingPath } from "@/lib/auth/landing";

/**
 * Where the sign-in form goes when no safe return address was given: the person's work
 * (lib/auth/landing.ts), decided on the server from the session just opened.
 */
export default async function SignInLanding({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  redirect({ href: user ? landingPath(user) : "/sign-in", locale });
}
