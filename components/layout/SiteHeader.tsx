import { getTranslations } from "next-intl/server";
import { ClipboardList, House, Languages, LayoutTemplate, Library, Network, Search, UsersRound } from "lucide-react";
import { Link } from "@/lib/i18n/navigation";
import { can } from "@/lib/auth/permissions";
import { Logo } from "@/components/brand/Logo";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinks, type NavItem } from "./NavLinks";
import { AccountMenu } from "./AccountMenu";
import { getCurrentUser } from "@/lib/auth/session";

const ICON = { size: 16, "aria-hidden": true, focusable: false, strokeWidth: 2 } as const;

export async function SiteHeader() {
  // The database unreachable: the header still renders, as for a visitor, so that the page's own
  // error (app/[locale]/error.tsx) shows inside the site's layout rather than Next's bare one.
  const [t, tc, tt, tb, ta, user] = await Promise.all([
    getTranslations("site"),
    getTranslations("curate.nav"),
    getTranslations("translate"),
    getTranslations("builder"),
    getTranslations("auth"),
    getCurrentUser().catch(() => null),
  ]);
  const roles = user?.roles ?? [];
  // Each role's work is one click away (the pages check again on the server).
  const work: NavItem[] = [
    ...(roles.includes("researcher")
      ? [{ href: "/questionnaires", label: tb("nav"), icon: <ClipboardList {...ICON} /> }]
      : []),
    ...(roles.includes("translator") || roles.includes("reviewer")
      ? [{ href: "/translate", label: tt("nav"), icon: <Languages {...ICON} /> }]
      : []),
    ...(roles.includes("curator") || roles.includes("admin")
      ? [{ href: "/curate", label: tc("curate"), icon: <Library {...ICON} /> }]
      : []),
    ...(can(user, "user.manage") ? [{ href: "/admin/users", label: ta("users"), icon: <UsersRound {...ICON} /> }] : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          <Logo />
          <span className="site-title__text">{t("name")}</span>
        </Link>
        <nav className="site-nav" aria-label={t("mainNav")}>
          <NavLinks
            items={[
              { href: "/", label: t("nav.home"), icon: <House {...ICON} /> },
              { href: "/framework", label: t("nav.framework"), icon: <Network {...ICON} /> },
              { href: "/search", label: t("nav.search"), icon: <Search {...ICON} /> },
              { href: "/templates", label: t("nav.templates"), icon: <LayoutTemplate {...ICON} /> },
              ...work,
            ]}
          />
        </nav>
        <div className="site-header__tools">
          <LanguageSwitcher label={t("language")} />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
