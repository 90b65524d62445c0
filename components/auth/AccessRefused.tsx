import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** What a signed-in person sees on a page their roles do not open. */
export async function AccessRefused() {
  const t = await getTranslations("auth");
  return (
    <>
      <h1>{t("refusedTitle")}</h1>
      <p role="alert">{t("refusedBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
