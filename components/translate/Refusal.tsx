import { getTranslations } from "next-intl/server";

/** What a signed-in person without the needed translation role sees instead of the page. */
export async function Refusal() {
  const t = await getTranslations("translate");
  return (
    <>
      <h1>{t("refusedTitle")}</h1>
      <p>{t("refusedBody")}</p>
    </>
  );
}
