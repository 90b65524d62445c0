"use client";
// The language switcher's links (./LanguageSwitcher.tsx): the current address, query included, in
// each language. In the browser because the address changes without the header being rendered again.
import { useSearchParams } from "next/navigation";
import { Link, useLocale, usePathname } from "@/lib/i18n/client-navigation";
import { LANGUAGES, LANGUAGE_NAMES } from "@/lib/i18n/languages";

export function LanguageLinks() {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  return (
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
  );
}
