import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ChevronDown, CircleUser } from "lucide-react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { Disclosure } from "./Disclosure";
import "@/components/auth/auth.css";

/**
 * The header's account entry: "Sign in" for visitors; for a signed-in person a disclosure (native
 * <details>, so keyboard and screen readers work without script; Escape closes it) with the pages
 * their roles open.
 */
export async function AccountMenu() {
  const t = await getTranslations("auth");
  let user: CurrentUser | null = null;
  try {
    user = await getCurrentUser();
  } catch {
    // The database is unreachable: the public page still renders, as for a visitor.
    user = null;
  }
  if (!user) {
    return (
      <Link href="/sign-in" className="account-sign-in">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <Disclosure
      className="menu account-menu"
      summaryLabel={`${t("accountMenu")}: ${user.name}`}
      summary={
        <>
          <CircleUser size={18} aria-hidden focusable={false} />
          <span className="menu__label">
            <bdi>{user.name}</bdi>
          </span>
          <ChevronDown size={16} aria-hidden focusable={false} className="menu__chevron" />
        </>
      }
    >
      <ul>
        <li className="who" dir="ltr">
          {user.email}
        </li>
        <li>
          <Link href="/account">{t("myAccount")}</Link>
        </li>
        {can(user, "user.manage") && (
          <li>
            <Link href="/admin/users">{t("users")}</Link>
          </li>
        )}
        {can(user, "audit.read") && (
          <li>
            <Link href="/audit">{t("audit")}</Link>
          </li>
        )}
        <li>
          <SignOutButton labels={{ signOut: t("signOut"), signingOut: t("signingOut") }} />
        </li>
      </ul>
    </Disclosure>
  );
}
