import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinks } from "./NavLinks";
import { AccountMenu } from "./AccountMenu";
import { getCurrentUser } from "@/lib/auth/session";

export async function SiteHeader() {
  // The database unreachable: the header still renders, as for a visitor, so that the page's own
  // error (app/[locale]/error.tsx) shows inside the site's layout rather than Next's bare one.
  const [t, tc, tt, tb, user] = await Promise.all([
    getTranslations("site"),
    getTranslations("curate.nav"),
    getTranslations("translate"),
    getTranslations("builder"),
    getCurrentUser().catch(() => null),
  ]);
  const mine = user && user.roles.includes("researcher") ? [{ href: "/questionnaires", label: tb("nav") }] : [];
  // Curation is offered to the people who may use it (the pages check again on the server).
  const translate =
    user && (user.roles.includes("translator") || user.roles.includes("reviewer"))
      ? [{ href: "/translate", label: tt("nav") }]
      : [];
  const curate =
    user && (user.roles.includes("curator") || user.roles.includes("admin"))
      ? [{ href: "/curate", label: tc("curate") }]
      : [];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          {t("name")}
        </Link>
        <nav className="site-nav" aria-label={t("mainNav")}>
          <NavLinks
            items={[
              { href: "/", label: t("nav.home") },
              { href: "/framework", label: t("nav.framework") },
              { href: "/search", label: t("nav.search") },
              { href: "/templates", label: t("nav.templates") },
              ...mine,
              ...translate,
              ...curate,
            ]}
          />
        </nav>
        <LanguageSwitcher label={t("language")} />
        <AccountMenu />
      </div>
    </header>
  );
}
