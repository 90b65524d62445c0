import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * What a signed-in person sees on a page their roles do not open; pages call forbidden() (from
 * next/navigation), so the answer is an HTTP 403 with nothing of the page's content. The <title>
 * (React places it in the head) says so too, instead of the refused page's own title.
 */
export default function Forbidden() {
  const t = useTranslations("auth");
  const site = useTranslations("site");
  return (
    <>
      <title>{`${t("refusedTitle")} · ${site("name")}`}</title>
      <h1>{t("refusedTitle")}</h1>
      <p role="alert">{t("refusedBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
