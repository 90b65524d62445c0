import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { checkPageAccess } from "@/lib/auth/page-access";
import { findUserForEdit } from "@/lib/users/data";
import { UserForm } from "@/components/admin/UserForm";
import "@/components/auth/auth.css";

// "Edit Farida Mansour": the person's name, only for someone who may manage accounts.
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: Language; id: string }>;
}): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  const { allowed } = await checkPageAccess(locale, "user.manage", `/admin/users/${encodeURIComponent(id)}`);
  const user = allowed ? await findUserForEdit(decodeURIComponent(id)) : null;
  return { title: user ? t("editTitle", { name: user.name }) : t("title"), robots: { index: false } };
}

export default async function EditUserPage({ params }: { params: Promise<{ locale: Language; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { allowed } = await checkPageAccess(locale, "user.manage", `/admin/users/${encodeURIComponent(id)}`);
  if (!allowed) forbidden();
  const [t, user] = await Promise.all([getTranslations("admin"), findUserForEdit(decodeURIComponent(id))]);
  if (!user) notFound();
  return (
    <>
      <p>
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      <h1>{t("editTitle", { name: user.name })}</h1>
      <p dir="ltr" className="muted" style={{ textAlign: "start" }}>
        {user.email}
      </p>
      <UserForm user={user} />
    </>
  );
}
