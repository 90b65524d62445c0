"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { Language } from "@/lib/i18n/languages";
import { createQuestionnaireAction, type CreateState } from "@/lib/builder/actions";
import { SettingsFields, type SettingsValue } from "./SettingsFields";
import { FailureMessage } from "./FailureMessage";
import { Button } from "@/components/ui/Button";

/** "New questionnaire": on a refusal the form keeps everything typed and says what to fix. */
export function NewQuestionnaireForm({ locale }: { locale: Language }) {
  const t = useTranslations("builder.settings");
  const [value, setValue] = useState<SettingsValue>({
    title: {},
    description: {},
    languages: [locale],
    defaultLanguage: locale,
    fallbackLanguage: null,
    formId: null,
  });
  const [state, action, pending] = useActionState<CreateState, FormData>(createQuestionnaireAction, null);
  const failure = state;
  return (
    <form action={action} className="builder-form">
      <input type="hidden" name="locale" value={locale} />
      <SettingsFields idPrefix="new" value={value} onChange={setValue} errors={failure?.fieldErrors} />
      {failure && <FailureMessage failure={failure} />}
      <Button variant="primary" type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
