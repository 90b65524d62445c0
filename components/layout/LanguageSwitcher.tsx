"use client";
import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { ChevronDown, Languages } from "lucide-react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from "@/lib/i18n/languages";
import { Disclosure } from "./Disclosure";

/**
 * The same page (path and query) in each language, each named in its own language, behind one
 * menu button that names the current language: four links side by side made the header wrap.
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  const current = isLanguage(locale) ? LANGUAGE_NAMES[locale] : locale;
  return (
    <nav className="lang-switch" aria-label={label}>
      <Disclosure
        className="menu lang-menu"
        summaryLabel={`${label}: ${current}`}
        summary={
          <>
            <Languages size={18} aria-hidden focusable={false} />
            <span className="menu__label">{current}</span>
            <ChevronDown size={16} aria-hidden focusable={false} className="menu__chevron" />
          </>
        }
      >
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
      </Disclosure>
    </nav>
  );
}
