"use client";
import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LANGUAGES, LANGUAGE_NAMES } from "@/lib/i18n/languages";

/** Links to the same page (path and query) in each language, each named in its own language. */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  return (
    <nav className="lang-switch" aria-label={label}>
      <ul>
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            <Link
              href={{ pathname, query }}
              locale={lang}
              lang={lang}
              hrefLang={lang}
              aria-current={lang === locale ? "true" : undefined}
            >
              {LANGUAGE_NAMES[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
