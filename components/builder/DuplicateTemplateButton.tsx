"use client";
import { useTranslations } from "next-intl";
import { FailureMessage } from "./FailureMessage";
import { useQuestionnaireAction } from "./use-questionnaire-action";

/** "Duplicate into my questionnaires": a private copy of the template, opened in the builder. */
export function DuplicateTemplateButton({ id }: { id: string }) {
  const t = useTranslations("builder.list");
  const { pending, failure, duplicate } = useQuestionnaireAction(id);
  return (
    <p>
      <button type="button" onClick={duplicate} disabled={pending}>
        {t("duplicateTemplate")}
      </button>
      {failure && <FailureMessage failure={failure} />}
    </p>
  );
}
