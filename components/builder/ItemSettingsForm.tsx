"use client";
// Per item: answer required (with its message), skip logic, and for numbers the accepted range
// with its message. Saved as one change; the server checks the rules again.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PartialLocalizedText } from "@/lib/i18n/languages";
import type { Relevance } from "@/lib/questionnaires/relevance-schema";
import type { BuilderItem } from "@/lib/builder/data";
import { useBuilder } from "./builder-context";
import { LocalizedInputs } from "./LocalizedInputs";
import { SkipLogicEditor } from "./SkipLogicEditor";
import { Button } from "@/components/ui/Button";

const numberOrNull = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Number(v));

export function ItemSettingsForm({ item, earlier }: { item: BuilderItem; earlier: BuilderItem[] }) {
  const t = useTranslations("builder.item");
  const { q, locale, change } = useBuilder();
  const [required, setRequired] = useState(item.required);
  const [requiredMessage, setRequiredMessage] = useState<PartialLocalizedText>(item.requiredMessage);
  const [relevant, setRelevant] = useState<Relevance | null>(item.relevant);
  const [min, setMin] = useState(item.range?.min?.toString() ?? "");
  const [max, setMax] = useState(item.range?.max?.toString() ?? "");
  const [constraintMessage, setConstraintMessage] = useState<PartialLocalizedText>(item.constraintMessage);
  const numeric = item.type === "integer" || item.type === "decimal";
  const id = `item-${item.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const range = numeric ? { min: numberOrNull(min), max: numberOrNull(max) } : null;
    change.run(
      {
        op: "updateItem",
        itemId: item.id,
        settings: {
          required,
          requiredMessage,
          relevant,
          constraint: range && (range.min !== null || range.max !== null) ? range : null,
          constraintMessage,
        },
      },
      () => t("saved", { name: item.name }),
    );
  };

  return (
    <form className="item-settings" onSubmit={submit} aria-label={t("settingsOf", { name: item.name })}>
      <p>
        <input
          id={`${id}-required`}
          type="checkbox"
          checked={required}
          onChange={(e) => setRequired(e.target.checked)}
        />{" "}
        <label htmlFor={`${id}-required`}>{t("required")}</label>
      </p>
      {required && (
        <LocalizedInputs
          idPrefix={`${id}-required-message`}
          label={(language) => t("requiredMessage", { language })}
          languages={q.languages}
          value={requiredMessage}
          onChange={setRequiredMessage}
        />
      )}
      <SkipLogicEditor idPrefix={id} earlier={earlier} value={relevant} onChange={setRelevant} locale={locale} />
      {numeric && (
        <fieldset>
          <legend>{t("range")}</legend>
          <p className="range-inputs">
            <label htmlFor={`${id}-min`}>{t("min")}</label>{" "}
            <input id={`${id}-min`} type="number" step="any" value={min} onChange={(e) => setMin(e.target.value)} />{" "}
            <label htmlFor={`${id}-max`}>{t("max")}</label>{" "}
            <input id={`${id}-max`} type="number" step="any" value={max} onChange={(e) => setMax(e.target.value)} />
          </p>
          <LocalizedInputs
            idPrefix={`${id}-constraint-message`}
            label={(language) => t("constraintMessage", { language })}
            languages={q.languages}
            value={constraintMessage}
            onChange={setConstraintMessage}
          />
        </fieldset>
      )}
      <Button variant="primary" type="submit" disabled={change.pending}>
        {t("save")}
      </Button>
    </form>
  );
}
