import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { type Language } from "@/lib/i18n/languages";
import { checkPageAccess } from "@/lib/auth/page-access";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { SignOutButton } from "@/components/auth/SignOutButton";
import "@/components/auth/auth.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "account" }))("title"), robots: { index: false } };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user } = await checkPageAccess(locale, "account.read", "/account");
  const [t, tl, ta, format] = await Promise.all([
    getTranslations("account"),
    getTranslations("languages"),
    getTranslations("auth"),
    getFormatter(),
  ]);
  if (!user) return null;
  const langs = (list: readonly string[]) =>
    list.length ? format.list(list.map((l) => tl("name", { language: l }))) : t("none");
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="details">
        <h2 id="details">{t("details")}</h2>
        <dl className="details-list">
          <dt>{t("name")}</dt>
          <dd>{user.name}</dd>
          <dt>{t("email")}</dt>
          <dd dir="ltr">{user.email}</dd>
          <dt>{t("translateLanguages")}</dt>
          <dd>{langs(user.translateLanguages)}</dd>
          <dt>{t("reviewLanguages")}</dt>
          <dd>{langs(user.reviewLanguages)}</dd>
        </dl>
        <h3>{t("roles")}</h3>
        {user.roles.length ? (
          <ul className="role-list" aria-label={t("roles")}>
            {user.roles.map((role) => (
              <li key={role}>
                <strong>{t(`roleNames.${role}`)}</strong>: {t(`roleDescriptions.${role}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noRoles")}</p>
        )}
        <p>
          <SignOutButton variant="secondary" labels={{ signOut: ta("signOut"), signingOut: ta("signingOut") }} />
        </p>
      </section>
      <section aria-labelledby="change-password">
        <h2 id="change-password">{t("changePassword")}</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
