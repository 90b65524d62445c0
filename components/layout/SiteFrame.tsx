import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LocaleProvider } from "@/lib/i18n/client-navigation";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { PageErrorTexts } from "./PageErrorTexts";
import { SiteHeader } from "./SiteHeader";

/**
 * The document every page lives in: language and direction on <html>, the skip link, the site's
 * header and footer. Shared by the locale layout and the 404 of unmatched addresses
 * (app/global-not-found.tsx), which Next renders outside any layout.
 *
 * No next-intl provider here: the frame's client components get their texts as props, links their
 * language from LocaleProvider and the error page its texts from PageErrorTexts, so next-intl's
 * client code is only in the pages of areas that need it (lib/i18n/client-messages.ts; issue 19).
 */
export async function SiteFrame({ locale, children }: { locale: Language; children: ReactNode }) {
  const [t, te] = await Promise.all([
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "errorPage" }),
  ]);
  const errorTexts = {
    title: te("title"),
    body: te("body"),
    unavailableTitle: te("unavailableTitle"),
    unavailableBody: te("unavailableBody"),
    retry: te("retry"),
    home: te("home"),
  };
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <LocaleProvider locale={locale}>
          <PageErrorTexts texts={errorTexts}>
            <a className="skip-link" href="#main">
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            <footer className="site-footer">
              <p>{t("footer")}</p>
            </footer>
          </PageErrorTexts>
        </LocaleProvider>
      </body>
    </html>
  );
}
