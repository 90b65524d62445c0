"use client";
// "Add to questionnaire…" for the search results a researcher selected: the bulk action in the
// results' bar (components/search/ResultsTable.tsx), reading the selection of its rows. The search
// page has no next-intl provider (its visitors' JavaScript holds no next-intl), so this one brings
// its own with the messages the page gives it (lib/i18n/client-messages.ts, area "search").
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { useSelectedCodes } from "@/components/search/Selection";
import type { Language } from "@/lib/i18n/languages";
import { AddToQuestionnaire, type QuestionnaireChoice } from "./AddToQuestionnaire";

export function AddSelectedToQuestionnaire({
  questionnaires,
  locale,
  messages,
  timeZone,
}: {
  questionnaires: QuestionnaireChoice[];
  locale: Language;
  messages: AbstractIntlMessages;
  timeZone: string;
}) {
  const codes = useSelectedCodes();
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      <AddToQuestionnaire
        questionnaires={questionnaires}
        locale={locale}
        codes={codes}
        count={codes.length}
        idPrefix="bulk"
      />
    </NextIntlClientProvider>
  );
}
