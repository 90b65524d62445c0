"use client";
import { useLocale, useTranslations } from "next-intl";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { ChangeImpact } from "@/lib/curation/action-state";

/** What a change of the source text reaches, shown before it is saved. */
export function ImpactPanel({ impact, nextVersion }: { impact: ChangeImpact; nextVersion: number }) {
  const t = useTranslations("curate.impact");
  const tl = useTranslations("languages");
  const locale = useLocale() as Language;
  return (
    <section className="impact" role="alert" aria-labelledby="impact-title">
      <h2 id="impact-title">{t("title", { version: nextVersion })}</h2>
      <p>{t("translations", { count: impact.translations.length })}</p>
      {impact.translations.length > 0 && (
        <ul>
          {impact.translations.map((tr) => (
            <li key={tr.lang}>{tl("nameCapitalised", { language: tr.lang })}</li>
          ))}
        </ul>
      )}
      <p>{t("questionnaires", { count: impact.questionnaires.length })}</p>
      {impact.questionnaires.length > 0 && (
        <ul>
          {impact.questionnaires.map((q) => (
            <li key={q.id} dir="auto">
              {pickText(q.title, locale)?.text ?? q.id}{" "}
              <span className="muted">{t("usesVersion", { version: q.itemVersion })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
