import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
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
