// The editor's section of the page: the item handed to the editor (a client component) with only
// the fields it uses, so the page sends no more of the item to the browser than the form needs.
import { getTranslations } from "next-intl/server";
import { directionOf, type Language } from "@/lib/i18n/languages";
import type { EditorPage } from "@/lib/translations/editor-page-data";
import type { CheckCode } from "@/lib/translations/checks";
import { TranslationEditor } from "./TranslationEditor";

export async function EditorSection({
  page: { item, glossary, memory, may, machineTranslation },
  lang,
  referenceLanguage,
  kept,
  blockingChecks,
}: {
  page: EditorPage;
  lang: Language;
  referenceLanguage: Language;
  /** The queue's filters, kept for the next item */
  kept: Record<string, string>;
  blockingChecks: readonly CheckCode[];
}) {
  const t = await getTranslations("translate");
  return (
    <section aria-labelledby="editor-title">
      <h2 id="editor-title">{t("editor.heading")}</h2>
      <TranslationEditor
        key={`${item.code}:${lang}`}
        code={item.code}
        lang={lang}
        dir={directionOf(lang)}
        sourceLang={item.sourceLanguage}
        sourceDir={directionOf(item.sourceLanguage)}
        glossary={glossary}
        referenceLang={item.reference ? referenceLanguage : null}
        referenceDir={directionOf(referenceLanguage)}
        source={item.source}
        reference={item.reference}
        target={
          item.target
            ? {
                label: item.target.label,
                hint: item.target.hint,
                constraintMessage: item.target.constraintMessage,
                revision: item.target.revision,
              }
            : null
        }
        choices={item.choices.map((c) => ({
          name: c.name,
          source: c.source,
          reference: c.reference,
          target: c.target,
          revision: c.revision,
          status: c.status,
          published: c.published,
        }))}
        canEdit={may.edit}
        blockingChecks={blockingChecks}
        nextQuery={kept}
        queuePath={`/translate/${lang}/queue`}
        memory={memory}
        machineTranslation={machineTranslation}
      />
    </section>
  );
}
