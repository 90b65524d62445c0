// Bank questions like the questionnaire's own: for each question of its imported form, the bank
// question with the same wording (and answers), or a similar one with the differences shown; the
// researcher links a question to the bank question it asks, or keeps it local. Nothing is linked
// or replaced without their click; the form keeps its own wording either way.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import { questionnairePageAccess } from "@/lib/builder/page-access";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { findFormMatches, MATCHED } from "@/lib/builder/form-match-data";
import { findOwnForm } from "@/lib/export/own-form-data";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { FormMatches } from "@/components/builder/FormMatches";
import "@/components/builder/builder.css";

type Props = { params: Promise<{ locale: Language; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder.matches" }))("title") };
}

export default async function FormMatchesPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await questionnairePageAccess(locale, `/questionnaires/${id}/matches`, id, "questionnaire.edit");
  const [t, tl, q, own] = await Promise.all([
    getTranslations("builder.matches"),
    getTranslations("builder.list"),
    findBuilderQuestionnaire(id),
    findOwnForm(id),
  ]);
  if (!q || !own) notFound();
  const matches = await findFormMatches(id, own.form);
  const title = pickText(q.title, locale);
  const counts = {
    same: matches.filter((m) => m.kind === "same").length,
    like: matches.filter((m) => m.kind === "like").length,
    linked: matches.filter((m) => m.link).length,
  };
  return (
    <>
      <Breadcrumbs
        label={tl("breadcrumbs")}
        items={[
          { href: "/questionnaires", label: tl("title") },
          { href: `/questionnaires/${id}`, label: title?.text ?? id },
          { label: t("title") },
        ]}
      />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p role="status">{t("summary", { ...counts, total: matches.length })}</p>
      {matches.length >= MATCHED && <p className="muted">{t("firstOnly", { count: MATCHED })}</p>}
      <FormMatches questionnaireId={id} matches={matches} />
    </>
  );
}
