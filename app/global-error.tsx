"use client";
// The last resort, when the locale's layout itself failed: a whole document of its own (Next
// renders it instead of every layout), in the language of the address, right to left in Arabic.
// Only the errorPage texts of each language are taken from the message files.
import { usePathname } from "next/navigation";
import { ErrorMessage } from "@/components/layout/ErrorMessage";
import en from "../messages/en.json";
import es from "../messages/es.json";
import fr from "../messages/fr.json";
import ar from "../messages/ar.json";
import "./globals.css";

const TEXTS = { en: en.errorPage, es: es.errorPage, fr: fr.errorPage, ar: ar.errorPage } as const;
const NAMES = { en: en.site.name, es: es.site.name, fr: fr.site.name, ar: ar.site.name } as const;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const first = usePathname()?.split("/")[1] ?? "";
  const locale = first in TEXTS ? (first as keyof typeof TEXTS) : "en";
  return (
    <html lang={locale} dir={locale === "ar" ? "rtl" : "ltr"}>
      <head>
        <title>{`${TEXTS[locale].title} · ${NAMES[locale]}`}</title>
      </head>
      <body>
        <header className="site-header">
          <div className="site-header__inner">
            <a href={`/${locale}`} className="site-title">
              {NAMES[locale]}
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <ErrorMessage texts={TEXTS[locale]} homeHref={`/${locale}`} onRetry={() => reset()} />
        </main>
      </body>
    </html>
  );
}
