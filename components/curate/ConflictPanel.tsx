"use client";
// Someone saved the question while this curator was editing: both versions side by side, where
// they differ, and the choice of which to keep. Nothing typed is lost.
import { useTranslations } from "next-intl";
import { diffText } from "@/lib/text/diff";
import type { QuestionFormValues } from "@/lib/curation/data";
import type { EditorValues } from "./question-form-values";
import { valuesOf } from "./question-form-values";
import { DiffText } from "@/components/ui/DiffText";
import { Button } from "@/components/ui/Button";

const FIELDS = [
  "code",
  "type",
  "label",
  "hint",
  "ownChoices",
  "sharedList",
  "indicators",
  "tags",
  "customConstraint",
  "min",
  "max",
  "notes",
] as const;

export function ConflictPanel({
  mine,
  saved,
  onTakeSaved,
  onKeepMine,
}: {
  mine: EditorValues;
  saved: QuestionFormValues;
  onTakeSaved: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("curate.conflict");
  const te = useTranslations("curate.editor");
  const theirs = valuesOf(saved);
  const show = (v: EditorValues, f: (typeof FIELDS)[number]) =>
    Array.isArray(v[f]) ? (v[f] as string[]).join(" ") : String(v[f]);
  const differing = FIELDS.filter((f) => show(mine, f) !== show(theirs, f));
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("caption")}>
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("saved")}</th>
              <th scope="col">{t("mine")}</th>
              <th scope="col">{t("difference")}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f}>
                <th scope="row">{te(f)}</th>
                <td dir="auto">{show(theirs, f)}</td>
                <td dir="auto">{show(mine, f)}</td>
                <td>
                  <DiffText
                    parts={diffText(show(theirs, f), show(mine, f))}
                    addedLabel={t("added")}
                    removedLabel={t("removed")}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <Button variant="primary" onClick={onKeepMine}>
          {t("keepMine")}
        </Button>
        <Button onClick={onTakeSaved}>{t("takeSaved")}</Button>
      </div>
    </section>
  );
}
