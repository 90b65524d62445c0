"use client";
import { useTranslations } from "next-intl";
import { FailureMessage } from "./FailureMessage";
import { useQuestionnaireAction } from "./use-questionnaire-action";
import { Button } from "@/components/ui/Button";

/** "Duplicate into my questionnaires": a private copy of the template, opened in the builder. */
export function DuplicateTemplateButton({ id }: { id: string }) {
  const t = useTranslations("builder.list");
  const { pending, failure, duplicate } = useQuestionnaireAction(id);
  return (
    <p>
      <Button variant="primary" onClick={duplicate} disabled={pending}>
        {t("duplicateTemplate")}
      </Button>
      {failure && <FailureMessage failure={failure} />}
    </p>
  );
}
