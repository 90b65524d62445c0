"use client";
// "Add to questionnaire…": the selected search results, or every question of an indicator, added
// to one of the researcher's questionnaires. The revision of each questionnaire is the one this
// page read (and then the one each add returns), so a change made elsewhere meanwhile is not overrun.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language, type PartialLocalizedText } from "@/lib/i18n/languages";
import { changeQuestionnaireAction, type BuilderActionResult } from "@/lib/builder/actions";
import { FailureMessage } from "./FailureMessage";
import { Button } from "@/components/ui/Button";

export type QuestionnaireChoice = { id: string; title: PartialLocalizedText; revision: number };

export function AddToQuestionnaire({
  questionnaires,
  locale,
  codes,
  indicator,
  count,
  idPrefix,
}: {
  questionnaires: QuestionnaireChoice[];
  locale: Language;
  /** Selected bank codes (search results) … */
  codes?: string[];
  /** … or an indicator whose published questions are all added */
  indicator?: string;
  count: number;
  idPrefix: string;
}) {
  const t = useTranslations("builder.addTo");
  const [target, setTarget] = useState(questionnaires[0]?.id ?? "");
  const [revisions, setRevisions] = useState<Record<string, number>>(() =>
    Object.fromEntries(questionnaires.map((q) => [q.id, q.revision])),
  );
  const [result, setResult] = useState<{ outcome: BuilderActionResult; id: string } | null>(null);
  const [pending, start] = useTransition();

  if (questionnaires.length === 0) {
    return (
      <span className="add-to">
        {t("none")} <Link href="/questionnaires/new">{t("createFirst")}</Link>
      </span>
    );
  }
  const add = () =>
    start(async () => {
      const base = { questionnaireId: target, revision: revisions[target] ?? 0 };
      const outcome = await changeQuestionnaireAction(
        indicator ? { ...base, op: "addIndicator", indicator } : { ...base, op: "addQuestions", codes: codes ?? [] },
      );
      if (outcome.ok) setRevisions((r) => ({ ...r, [target]: outcome.data.revision }));
      setResult({ outcome, id: target });
    });
  const titleOf = (id: string) => pickText(questionnaires.find((q) => q.id === id)?.title, locale)?.text ?? id;
  const ok = result?.outcome.ok ? result.outcome.data : null;
  const added = (ok?.details?.added as string[] | undefined) ?? [];
  const already = (ok?.details?.alreadyPresent as string[] | undefined) ?? [];
  return (
    <span className="add-to">
      <label htmlFor={`${idPrefix}-target`}>{t("label")}</label>{" "}
      <select id={`${idPrefix}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
        {questionnaires.map((q) => (
          <option key={q.id} value={q.id}>
            {pickText(q.title, locale)?.text ?? q.id}
          </option>
        ))}
      </select>{" "}
      <Button variant="primary" onClick={add} disabled={pending || count === 0 || !target}>
        {indicator ? t("addIndicator", { count }) : t("addSelected", { count })}
      </Button>
      <span role="status" aria-live="polite" className="add-to-result">
        {ok && (
          <>
            {t("added", { count: added.length, title: titleOf(result!.id) })}{" "}
            {already.length > 0 && t("alreadyPresent", { codes: already.join(", ") })}{" "}
            <Link href={`/questionnaires/${result!.id}`}>{t("open", { title: titleOf(result!.id) })}</Link>
          </>
        )}
      </span>
      {result && !result.outcome.ok && (
        <FailureMessage failure={result.outcome} onReload={() => window.location.reload()} />
      )}
    </span>
  );
}
