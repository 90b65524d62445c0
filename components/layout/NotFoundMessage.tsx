import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** "Page not found", with a way on: the locale's not-found page and the 404 of unmatched addresses. */
export function NotFoundMessage() {
  const t = useTranslations("notFound");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/framework">{t("back")}</Link>
      </p>
    </>
  );
}
