"use client";
// Someone else saved what this person was editing: the one display of that conflict, for a
// question (ConflictPanel) and a framework entry (FrameworkConflict). The saved version beside
// theirs, field by field where they differ, and the choice of which to keep. Nothing typed is
// lost: their input stays in the form until they take the saved version.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { directionOf, type Language } from "@/lib/i18n/languages";
import { diffText } from "@/lib/text/diff";
import { DiffText } from "@/components/ui/DiffText";
import { Button } from "@/components/ui/Button";

/** One differing field; `lang` when its text is in one of the bank's languages rather than the page's. */
export type ConflictRow = { key: string; label: string; saved: string; mine: string; lang?: Language };

export function ConflictView({
  titleId,
  title,
  heading: Heading,
  notice,
  rows,
  onKeepMine,
  onTakeSaved,
}: {
  titleId: string;
  title: string;
  /** The heading level where the panel sits in its page */
  heading: "h2" | "h3";
  /** Said under the introduction, e.g. that the saved version was retired */
  notice?: ReactNode;
  /** The fields that differ, in the order they are shown */
  rows: ConflictRow[];
  onKeepMine: () => void;
  onTakeSaved: () => void;
}) {
  const t = useTranslations("curate.conflict");
  return (
    <section className="conflict" aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      <p>{t("intro")}</p>
      {notice && <p>{notice}</p>}
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
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td lang={r.lang} dir={r.lang ? directionOf(r.lang) : "auto"}>
                  {r.saved}
                </td>
                <td lang={r.lang} dir={r.lang ? directionOf(r.lang) : "auto"}>
                  {r.mine}
                </td>
                <td>
                  <DiffText
                    parts={diffText(r.saved, r.mine)}
                    addedLabel={t("added")}
                    removedLabel={t("removed")}
                    lang={r.lang}
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
