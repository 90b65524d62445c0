import { getLocale } from "next-intl/server";
import { ChevronDown, Languages } from "lucide-react";
import { LANGUAGE_NAMES, isLanguage } from "@/lib/i18n/languages";
import { Disclosure } from "./Disclosure";
import { LanguageLinks } from "./LanguageLinks";

/**
 * The same page (path and query) in each language, each named in its own language, behind one
 * menu button that names the current language: four links side by side made the header wrap.
 * Rendered on the server but for the links, which follow the address (./LanguageLinks.tsx): the
 * icons are then no JavaScript of the page's (issue 19).
 */
export async function LanguageSwitcher({ label }: { label: string }) {
  const locale = await getLocale();
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
        <LanguageLinks />
      </Disclosure>
    </nav>
  );
}
