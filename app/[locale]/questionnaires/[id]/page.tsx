import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { questionnairePageAccess } from "@/lib/builder/page-access";
import { findBuilderView, findVersionPairs } from "@/lib/builder/data";
import { findDomainChoices } from "@/lib/builder/bank-search-data";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Builder } from "@/components/builder/Builder";
import { ReadinessPanel } from "@/components/builder/ReadinessPanel";
import { OwnFormPanel } from "@/components/builder/OwnFormPanel";
import { findOwnForm } from "@/lib/export/own-form-data";
import { findHazards } from "@/lib/hazards/data";
import { namesInForm } from "@/lib/xlsform/compose-form";
import { summarizeForm } from "@/lib/xlsform/import/summary";
import "@/components/builder/builder.css";

type Props = {
  params: Promise<{ locale: Language; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The own form's row search and page (OwnFormPanel): bounded, whatever the address holds. */
function ownRowsQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const page = Number.parseInt(one(params.ownpage), 10);
  return { query: one(params.ownq).trim().slice(0, 200), page: Number.isFinite(page) && page > 1 ? page - 1 : 0 };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "builder" }))("pageTitle") };
}

export default async function BuilderPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const rows = ownRowsQuery(await searchParams);
  setRequestLocale(locale);
  await questionnairePageAccess(locale, `/questionnaires/${id}`, id, "questionnaire.edit");
  const [t, tl, tlang, ta, format, view, own, hazards, domains] = await Promise.all([
    getTranslations("builder"),
    getTranslations("builder.list"),
    getTranslations("languages"),
    getTranslations("audit.actions.questionnaire"),
    getFormatter(),
    findBuilderView(id, locale),
    findOwnForm(id),
    findHazards(),
    findDomainChoices(),
  ]);
  if (!view) notFound();
  const { builder: q, doc, undo } = view;
  // The last change named as the audit trail names it (every builder op has its line there).
  const lastChange = undo && ta.has(undo.op as "undo") ? ta(undo.op as "undo") : null;
  const pairs = await findVersionPairs(q.sections.flatMap((s) => s.items));
  const title = pickText(q.title, locale);
  // The form's own questions count as the questionnaire's, beside those added from the bank.
  const count = q.sections.reduce((n, s) => n + s.items.length, 0) + (own ? summarizeForm(own.form).questions : 0);
  return (
    <>
      <Breadcrumbs
        label={tl("breadcrumbs")}
        items={[{ href: "/questionnaires", label: tl("title") }, { label: title?.text ?? id }]}
      />
      <h1 lang={title?.lang} dir="auto">
        {title?.text ?? id}
      </h1>
      <p className="muted">
        {tl("questions", { count })} · {tl("sections", { count: q.sections.length })} ·{" "}
        {format.list(q.languages.map((l) => tlang("name", { language: l })))}
      </p>
      <nav aria-label={t("viewsLabel")} className="builder-views">
        <ul className="button-row plain-list">
          {q.languages.map((lang) => (
            <li key={lang}>
              <Link href={`/questionnaires/${id}/preview?lang=${lang}`}>{t("previewIn", { language: lang })}</Link>
            </li>
          ))}
          {q.languages.map((lang) => (
            <li key={`print-${lang}`}>
              <Link href={`/questionnaires/${id}/print?lang=${lang}`}>{t("printIn", { language: lang })}</Link>
            </li>
          ))}
          <li>
            <Link
              href={`/questionnaires/${id}/codebook?lang=${q.languages.includes(locale) ? locale : q.defaultLanguage}`}
            >
              {t("codebook")}
            </Link>
          </li>
          <li>
            <Link href={`/questionnaires/${id}/results`}>{t("results")}</Link>
          </li>
          <li>
            <Link href="/search">{t("add.fromSearch")}</Link>
          </li>
          <li>
            <Link href="/framework">{t("add.fromFramework")}</Link>
          </li>
        </ul>
      </nav>
      <Builder
        q={q}
        pairs={pairs}
        locale={locale}
        hazards={hazards}
        domains={domains}
        lastChange={lastChange}
        ownForm={
          own && (
            <OwnFormPanel
              questionnaireId={id}
              form={own.form}
              locale={locale}
              defaultLanguage={q.defaultLanguage}
              {...rows}
            />
          )
        }
      />
      <ReadinessPanel
        doc={doc}
        title={title?.text ?? id}
        ownNames={own ? namesInForm(own.form) : undefined}
        ownForm={own?.form}
      />
    </>
  );
}
