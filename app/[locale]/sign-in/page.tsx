import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";
import { getCurrentUser } from "@/lib/auth/session";
import { checkedNextPath } from "@/lib/auth/next-path";
import { SignInForm } from "@/components/auth/SignInForm";
import "@/components/auth/auth.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "auth" }))("signInTitle"), robots: { index: false } };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Language }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const next = checkedNextPath(Array.isArray(query.next) ? query.next[0] : query.next);
  const [t, user] = await Promise.all([getTranslations("auth"), getCurrentUser()]);
  return (
    <>
      <h1>{t("signInTitle")}</h1>
      {user ? (
        <p>
          {t("alreadySignedIn", { name: user.name })} <Link href="/account">{t("myAccount")}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t("intro")}</p>
          <SignInForm next={next} />
          <p className="muted">{t("noAccount")}</p>
        </>
      )}
    </>
  );
}
