import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/layout/NotFoundMessage";

/**
 * A page that called notFound() (an unknown question code, questionnaire, user …): inside the
 * site's layout, titled "Page not found" rather than with the code that was asked for.
 */
export default function NotFound() {
  const t = useTranslations("notFound");
  const site = useTranslations("site");
  return (
    <>
      <title>{`${t("title")} · ${site("name")}`}</title>
      <NotFoundMessage />
    </>
  );
}
