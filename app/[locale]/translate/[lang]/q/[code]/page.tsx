import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SOURCE_LANGUAGE, type Language } from "@/lib/i18n/languages";
import { findQuestionByCode } from "@/lib/bank/data";
import { translatePageAccess } from "@/lib/translations/access";
import { findEditorPage } from "@/lib/translations/editor-page-data";
import { filterQuery, queueFilterSchema, targetLanguageSchema } from "@/lib/translations/schema";
import { readEnv } from "@/lib/env";
import { isolate } from "@/lib/text/bidi";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { hazardPlainText, hazardWords } from "@/components/hazards/hazard-words";
import { ItemTitle } from "@/components/translate/ItemTitle";
import { ItemContext } from "@/components/translate/ItemContext";
import { SourceChangeNotice } from "@/components/translate/SourceChangeNotice";
import { EditorSection } from "@/components/translate/EditorSection";
import { WorkflowPanel } from "@/components/translate/WorkflowPanel";
import { CommentThread } from "@/components/translate/CommentThread";
import { RevisionHistory } from "@/components/translate/RevisionHistory";

type Params = {
  params: Promise<{ locale: Language; lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// "Translate into French: Do you own a mobile phone?": the question's words, not its code. Read
// from the public bank only (the title is sent before the page checks who is asking).
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang, code } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  if (!parsed.success) return { title: t("title") };
  const question = code.length > 100 ? null : await findQuestionByCode(code);
  const th = await getTranslations({ locale, namespace: "hazardText" });
  const source = question?.texts[SOURCE_LANGUAGE]?.label;
  const label = source
    ? hazardPlainText(
        source,
        hazardWords((key, values) => th(key, values), locale),
      )
    : code;
  return { title: t.markup("editor.title", { language: parsed.data, label, q: (chunks) => isolate(String(chunks)) }) };
}

// One item of the translation queue: the sections are components/translate (ItemTitle, ItemContext,
// SourceChangeNotice, EditorSection, WorkflowPanel, CommentThread, RevisionHistory), the reads and
// what this person may do lib/translations/editor-page-data.ts.
export default async function TranslateItemPage({ params, searchParams }: Params) {
  const { locale, lang: raw, code } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success || code.length > 100) notFound();
  const lang = parsed.data;
  const { user, allowed, rights } = await translatePageAccess(locale, `/translate/${lang}/q/${code}`, lang);
  if (!allowed) forbidden();
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filter = queueFilterSchema.parse(query);
  const referenceLanguage = filter.source && filter.source !== lang ? filter.source : "en";
  const page = await findEditorPage({ actor: user, code, lang, referenceLanguage });
  if (!page) notFound();
  const { item, may } = page;
  const [t, tl] = await Promise.all([getTranslations("translate"), getTranslations("languages")]);
  const kept = filterQuery(filter);

  return (
    <>
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/translate", label: t("title") },
          { href: `/translate/${lang}`, label: tl("nameCapitalised", { language: lang }) },
          { href: `/translate/${lang}/queue`, label: t("queue.short") },
          { label: item.code },
        ]}
      />
      <ItemTitle item={item} lang={lang} />
      <ItemContext item={item} lang={lang} referenceLanguage={referenceLanguage} kept={kept} />
      <SourceChangeNotice item={item} lang={lang} canConfirm={may.confirm} />
      <EditorSection
        page={page}
        lang={lang}
        referenceLanguage={referenceLanguage}
        kept={kept}
        blockingChecks={readEnv().TRANSLATION_BLOCKING_CHECKS}
      />
      {item.target && (
        <WorkflowPanel
          code={item.code}
          lang={lang}
          revision={item.target.revision}
          state={item.state}
          canSubmit={may.submit}
          canReview={!!rights?.review}
          canApprove={may.approve}
          editedLast={may.editedLast}
          blocking={page.savedBlocking}
        />
      )}
      <CommentThread item={item} lang={lang} />
      <RevisionHistory item={item} lang={lang} canEdit={may.edit} />
      <p>
        <Link href={{ pathname: `/translate/${lang}/queue`, query: kept }}>{t("editor.backToQueue")}</Link>
      </p>
    </>
  );
}
