"use client";
// One result of the builder's bank search: its code, its wording in the page's language (or the
// one it falls back to, marked and in its own language), its answer type, its first answer
// choices, and "Add" to the chosen section, or a note that the questionnaire already asks it.
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { BankSearchHit as Hit } from "@/lib/builder/bank-search-schema";
import { HazardText } from "@/components/hazards/HazardText";
import { Button } from "@/components/ui/Button";

export function BankSearchHit({
  hit,
  locale,
  asked,
  addLabel,
  busy,
  onAdd,
  itemRef,
  buttonRef,
}: {
  hit: Hit;
  locale: Language;
  /** The questionnaire already asks it */
  asked: boolean;
  /** "Add bkg_age to <section>" */
  addLabel: string;
  /** A change is being saved: a click waits (the button keeps the focus, unlike a disabled one) */
  busy: boolean;
  onAdd: () => void;
  itemRef?: Ref<HTMLLIElement>;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const t = useTranslations("builder.bankSearch");
  const tq = useTranslations("question");
  const label = pickText(hit.label, locale);
  return (
    <li className="bank-hit" ref={itemRef} tabIndex={-1}>
      <p className="bank-hit-head">
        <code dir="ltr">{hit.code}</code> <span className="badge">{tq(`types.${hit.type}` as "types.text")}</span>
      </p>
      {label && (
        <p className="bank-hit-label">
          <bdi lang={label.lang}>
            <HazardText text={label.text} lang={label.lang} />
          </bdi>
          {label.lang !== locale && (
            <>
              {" "}
              <span className="badge badge--missing">{t("shownIn", { language: label.lang })}</span>
            </>
          )}
        </p>
      )}
      {hit.choices.length > 0 && (
        <ul className="bank-hit-choices" aria-label={t("choicesOf", { code: hit.code })}>
          {hit.choices.map((choice) => {
            const text = pickText(choice.label, locale);
            return (
              <li key={choice.name} lang={text?.lang} dir="auto">
                {text ? <HazardText text={text.text} lang={text.lang} /> : choice.name}
              </li>
            );
          })}
          {hit.choiceCount > hit.choices.length && (
            <li className="muted">{t("moreChoices", { count: hit.choiceCount - hit.choices.length })}</li>
          )}
        </ul>
      )}
      {asked ? (
        <p className="bank-hit-asked">{t("already")}</p>
      ) : (
        <Button
          size="sm"
          ref={buttonRef}
          aria-label={addLabel}
          aria-disabled={busy || undefined}
          onClick={() => !busy && onAdd()}
        >
          {t("add")}
        </Button>
      )}
    </li>
  );
}
