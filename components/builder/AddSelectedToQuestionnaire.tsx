"use client";
// "Add to questionnaire…" for the search results a researcher selected: the bulk action in the
// results' bar (components/search/ResultsTable.tsx), reading the selection of its rows.
import { useSelectedCodes } from "@/components/search/Selection";
import type { Language } from "@/lib/i18n/languages";
import { AddToQuestionnaire, type QuestionnaireChoice } from "./AddToQuestionnaire";

export function AddSelectedToQuestionnaire({
  questionnaires,
  locale,
}: {
  questionnaires: QuestionnaireChoice[];
  locale: Language;
}) {
  const codes = useSelectedCodes();
  return (
    <AddToQuestionnaire
      questionnaires={questionnaires}
      locale={locale}
      codes={codes}
      count={codes.length}
      idPrefix="bulk"
    />
  );
}
