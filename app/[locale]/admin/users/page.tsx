import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import { checkPageAccess } from "@/lib/auth/page-access";
import { findUsers } from "@/lib/users/data";
import { UserForm } from "@/components/admin/UserForm";
import { UserTable } from "@/components/admin/UserTable";
import "@/components/auth/auth.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin" }))("title"), robots: { index: false } };
}

export default async function UsersPage({ params }: { params: Promise<{ locale: Language }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { allowed } = await checkPageAccess(locale, "user.manage", "/admin/users");
  if (!allowed) forbidden();
  const [t, users] = await Promise.all([getTranslations("admin"), findUsers()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <UserTable users={users} />
      <section aria-labelledby="create-user">
        <h2 id="create-user">{t("createTitle")}</h2>
        <UserForm />
      </section>
    </>
  );
}
