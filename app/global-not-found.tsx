// The 404 of an address no route matches (/en/no-such-page, /favicon.png, …): Next renders it at
// the routing level, outside every layout, and server-side, so it reads without JavaScript and
// answers 404. It wears the site's frame in the language the proxy negotiated for the address
// (next-intl's request header), else the browser's.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { localeFromHeaders } from "@/lib/auth/errors";
import { SiteFrame } from "@/components/layout/SiteFrame";
import { NotFoundMessage } from "@/components/layout/NotFoundMessage";
import "./globals.css";

async function requestLanguage(): Promise<Language> {
  const h = await headers();
  const negotiated = h.get("x-next-intl-locale");
  return isLanguage(negotiated) ? negotiated : localeFromHeaders(h);
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLanguage();
  const [site, t] = await Promise.all([
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "notFound" }),
  ]);
  return { title: `${t("title")} · ${site("name")}`, robots: { index: false } };
}

export default async function GlobalNotFound() {
  const locale = await requestLanguage();
  setRequestLocale(locale);
  return (
    <SiteFrame locale={locale}>
      <NotFoundMessage />
    </SiteFrame>
  );
}
