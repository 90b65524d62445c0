"use client";
// This questionnaire's own wording of a bank question: it replaces the bank's in every language,
// marks the item as customised, and is never replaced by a bank update unless the person asks.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PartialLocalizedText } from "@/lib/i18n/languages";
import type { BuilderItem } from "@/lib/builder/data";
import { useBuilder } from "./builder-context";
import { LocalizedInputs } from "./LocalizedInputs";
import { bankText } from "./texts";
import { Button } from "@/components/ui/Button";

export function CustomWordingForm({ item }: { item: BuilderItem }) {
  const t = useTranslations("builder.custom");
  const { q, change } = useBuilder();
  const [label, setLabel] = useState<PartialLocalizedText>(item.customText?.label ?? bankText(item.label));
  const [hint, setHint] = useState<PartialLocalizedText>(item.customText?.hint ?? bankText(item.hint));
  const id = `custom-${item.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.run({ op: "customiseItem", itemId: item.id, customText: { label, hint } }, () =>
      t("saved", { name: item.name }),
    );
  };
  return (
    <form onSubmit={submit} aria-label={t("formOf", { name: item.name })}>
      <p className="muted">{t("intro")}</p>
      <LocalizedInputs
        idPrefix={`${id}-label`}
        label={(language) => t("label", { language })}
        languages={q.languages}
        value={label}
        onChange={setLabel}
        multiline
      />
      <LocalizedInputs
        idPrefix={`${id}-hint`}
        label={(language) => t("hint", { language })}
        languages={q.languages}
        value={hint}
        onChange={setHint}
      />
      <p className="button-row">
        <Button variant="primary" type="submit" disabled={change.pending}>
          {t("save")}
        </Button>
        {item.customText && (
          <Button
            disabled={change.pending}
            onClick={() =>
              change.run({ op: "customiseItem", itemId: item.id, customText: null }, () =>
                t("restored", { name: item.name }),
              )
            }
          >
            {t("useBank")}
          </Button>
        )}
      </p>
    </form>
  );
}
