import { getTranslations } from "next-intl/server";

/** A signed-in person whose roles do not allow this page: a clear refusal, nothing of the content. */
export async function Refusal() {
  const t = await getTranslations("curate");
  return (
    <>
      <h1>{t("refusedTitle")}</h1>
      <p role="alert">{t("refused")}</p>
    </>
  );
}
