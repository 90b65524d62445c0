"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useBuilder } from "./builder-context";
import { SettingsFields, type SettingsValue } from "./SettingsFields";
import { Button } from "@/components/ui/Button";

/** Rename, change languages and default language of the questionnaire being built. */
export function QuestionnaireSettings() {
  const t = useTranslations("builder.settings");
  const { q, change, hazards, locale } = useBuilder();
  const [value, setValue] = useState<SettingsValue>({
    title: q.title,
    description: q.description,
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    fallbackLanguage: q.fallbackLanguage,
    formId: q.formId,
    hazard: q.hazard?.code ?? null,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.run({ op: "updateSettings", settings: value }, () => t("saved"));
  };
  return (
    <details className="item-details">
      <summary>{t("heading")}</summary>
      <form onSubmit={submit} className="builder-form">
        <SettingsFields
          idPrefix="settings"
          value={value}
          onChange={setValue}
          hazards={hazards}
          locale={locale}
          errors={change.feedback?.kind === "error" ? change.feedback.failure.fieldErrors : undefined}
        />
        <Button variant="primary" type="submit" disabled={change.pending}>
          {t("save")}
        </Button>
      </form>
    </details>
  );
}
