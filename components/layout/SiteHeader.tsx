import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinks } from "./NavLinks";

export async function SiteHeader() {
  const t = await getTranslations("site");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          {t("name")}
        </Link>
        <nav className="site-nav" aria-label={t("mainNav")}>
          <NavLinks items={[{ href: "/", label: t("nav.home") }, { href: "/framework", label: t("nav.framework") }, { href: "/search", label: t("nav.search") }, { href: "/templates", label: t("nav.templates") }]} />
        </nav>
        <LanguageSwitcher label={t("language")} />
      </div>
    </header>
  );
}
