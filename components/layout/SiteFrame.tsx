import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { FRAME_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { SiteHeader } from "./SiteHeader";

/**
 * The document every page lives in: language and direction on <html>, the skip link, the site's
 * header and footer. Shared by the locale layout and the 404 of unmatched addresses
 * (app/global-not-found.tsx), which Next renders outside any layout.
 */
export async function SiteFrame({ locale, children }: { locale: Language; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "site" });
  // Only what the header and the error pages read: each area adds its own (lib/i18n/client-messages.ts).
  const messages = pickMessages(await getMessages({ locale }), FRAME_NAMESPACES);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <NextIntlClientProvider messages={messages}>
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
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
