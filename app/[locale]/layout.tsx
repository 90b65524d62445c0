import type { ReactNode } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import type { Language } from "@/lib/i18n/languages";
import { SiteFrame } from "@/components/layout/SiteFrame";
import "../globals.css";

// Every page reads the live bank: nothing is prerendered at build time.
export const dynamic = "force-dynamic";
// Only our four languages are a [locale]: any other first segment (/favicon.png, /wp-admin) is no
// route at all, so Next answers it with app/global-not-found.tsx, rendered on the server, rather
// than a notFound() thrown here, which Next renders only in the browser.
export const dynamicParams = false;
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  // dynamicParams = false: Next calls this only for the four locales.
  const t = await getTranslations({ locale: locale as Language, namespace: "site" });
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <SiteFrame locale={locale}>{children}</SiteFrame>;
}
