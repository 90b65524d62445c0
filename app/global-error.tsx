"use client";
// The last resort, when the locale's layout itself failed: a whole document of its own (Next
// renders it instead of every layout), in the language of the address, right to left in Arabic.
// Next loads this component on every page, so the language's messages are fetched only when it
// actually shows (a chunk per language) rather than bundled into every page.
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { ErrorMessage, type ErrorTexts } from "@/components/layout/ErrorMessage";
import "./globals.css";

const LOADERS = {
  en: () => import("../messages/en.json"),
  es: () => import("../messages/es.json"),
  fr: () => import("../messages/fr.json"),
  ar: () => import("../messages/ar.json"),
} as const;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const first = usePathname()?.split("/")[1] ?? "";
  const locale = first in LOADERS ? (first as keyof typeof LOADERS) : "en";
  const [texts, setTexts] = useState<{ page: ErrorTexts; name: string } | null>(null);
  useEffect(() => {
    let live = true;
    LOADERS[locale]().then((m) => live && setTexts({ page: m.default.errorPage, name: m.default.site.name }));
    return () => {
      live = false;
    };
  }, [locale]);
  return (
    <html lang={locale} dir={locale === "ar" ? "rtl" : "ltr"}>
      <head>{texts && <title>{`${texts.page.title} · ${texts.name}`}</title>}</head>
      <body>
        <header className="site-header">
          <div className="site-header__inner">
            <a href={`/${locale}`} className="site-title">
              {texts?.name}
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {texts && <ErrorMessage texts={texts.page} homeHref={`/${locale}`} onRetry={() => reset()} />}
        </main>
      </body>
    </html>
  );
}
