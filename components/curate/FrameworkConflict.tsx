"use client";
// Another administrator saved this framework entry while this one was editing it: the saved
// version beside theirs, field by field where they differ (ConflictView.tsx shows it). Their input
// stays in the form; they keep it (the next save claims the saved revision) or take the saved one.
import { useTranslations } from "next-intl";
import { LANGUAGES } from "@/lib/i18n/languages";
import type { FrameworkVersion } from "@/lib/curation/framework-data";
import type { FrameworkValues } from "./framework-values";
import { ConflictView, type ConflictRow } from "./ConflictView";

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
  const tf = useTranslations("curate.framework");
  const textLabel = saved.kind === "domain" ? "descriptionIn" : "definitionIn";
  const rows: ConflictRow[] = [
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
  // A save trims what was typed: spaces around a text are no difference.
  const differing = rows.filter((r) => r.saved.trim() !== r.mine.trim());
  return (
    <ConflictView
      titleId={`conflict-${saved.kind}-${saved.code}`}
      title={tf("conflictTitle")}
      heading="h3"
      notice={
        saved.retired ? (saved.mergedInto ? tf("mergedInto", { code: saved.mergedInto }) : tf("retired")) : undefined
      }
      rows={differing}
      onKeepMine={onKeepMine}
      onTakeSaved={onTakeSaved}
    />
  );
}
