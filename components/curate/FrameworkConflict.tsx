"use client";
// Another administrator saved this framework entry while this one was editing it: the saved
// version beside theirs, field by field where they differ. Their input stays in the form; they
// keep it (the next save claims the saved revision) or take the saved one.
import { useTranslations } from "next-intl";
import { LANGUAGES, directionOf } from "@/lib/i18n/languages";
import { diffText } from "@/lib/text/diff";
import type { FrameworkVersion } from "@/lib/curation/framework-data";
import { DiffText } from "@/components/ui/DiffText";
import type { FrameworkValues } from "./framework-values";
import { Button } from "@/components/ui/Button";

type Row = { key: string; label: string; saved: string; mine: string; lang?: string };

export function FrameworkConflict({
  mine,
  saved,
  onKeepMine,
  onTakeSaved,
}: {
  mine: FrameworkValues;
  saved: FrameworkVersion;
  onKeepMine: () => void;
  onTakeSaved: () => void;
}) {
  const t = useTranslations("curate.conflict");
  const tf = useTranslations("curate.framework");
  const textLabel = saved.kind === "domain" ? "descriptionIn" : "definitionIn";
  const rows: Row[] = [
    { key: "code", label: tf("code"), saved: saved.code, mine: mine.code },
    ...(saved.kind === "domain"
      ? []
      : [
          {
            key: "parent",
            label: saved.kind === "topic" ? tf("domain") : tf("topic"),
            saved: saved.parent ?? "",
            mine: mine.parent,
          },
        ]),
    ...(saved.kind === "indicator"
      ? [
          {
            key: "type",
            label: tf("type"),
            saved: saved.type ? tf(saved.type) : "",
            mine: mine.type ? tf(mine.type) : "",
          },
        ]
      : []),
    ...LANGUAGES.map((l) => ({
      key: `name.${l}`,
      label: tf("nameIn", { language: l }),
      saved: saved.name[l] ?? "",
      mine: mine.name[l] ?? "",
      lang: l,
    })),
    ...(saved.kind === "topic"
      ? []
      : LANGUAGES.map((l) => ({
          key: `text.${l}`,
          label: tf(textLabel, { language: l }),
          saved: saved.text?.[l] ?? "",
          mine: mine.text[l] ?? "",
          lang: l,
        }))),
  ];
  const differing = rows.filter((r) => r.saved.trim() !== r.mine.trim());
  const titleId = `conflict-${saved.kind}-${saved.code}`;
  return (
    <section className="conflict" aria-labelledby={titleId}>
      <h3 id={titleId}>{tf("conflictTitle")}</h3>
      <p>{t("intro")}</p>
      {saved.retired && <p>{saved.mergedInto ? tf("mergedInto", { code: saved.mergedInto }) : tf("retired")}</p>}
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
            {differing.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td lang={r.lang} dir={r.lang ? directionOf(r.lang as (typeof LANGUAGES)[number]) : "auto"}>
                  {r.saved}
                </td>
                <td lang={r.lang} dir={r.lang ? directionOf(r.lang as (typeof LANGUAGES)[number]) : "auto"}>
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
