"use client";
// The search results table with its bulk-action slot wired to "add to questionnaire…", for
// signed-in researchers (the slot takes a function, so it is filled on the client side).
import { ResultsTable, type ResultsTableProps } from "@/components/search/ResultsTable";
import { AddToQuestionnaire, type QuestionnaireChoice } from "./AddToQuestionnaire";

export function SearchResultsWithBuilder({
  questionnaires,
  ...props
}: Omit<ResultsTableProps, "bulkActions"> & { questionnaires: QuestionnaireChoice[] }) {
  return (
    <ResultsTable
      {...props}
      bulkActions={(codes) => (
        <AddToQuestionnaire
          questionnaires={questionnaires}
          locale={props.locale}
          codes={codes}
          count={codes.length}
          idPrefix="bulk"
        />
      )}
    />
  );
}
