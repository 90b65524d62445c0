// Word-level changes field by field (FieldDiffs), worded on the server, as the editor page shows
// both a source's change since the translation and each revision of the translation.
import { getTranslations } from "next-intl/server";
import type { FieldDiff } from "@/lib/translations/diff";
import { FieldDiffs } from "./FieldDiffs";

export async function FieldDiffList({
  fields,
  lang,
  dir,
}: {
  fields: FieldDiff[];
  /** The language of the texts compared */
  lang: string;
  dir: "ltr" | "rtl";
}) {
  const t = await getTranslations("translate");
  const fieldName = (field: string) =>
    field.startsWith("choice:") ? t("fields.choice", { name: field.slice(7) }) : t(`fields.${field as "label"}`);
  return (
    <FieldDiffs
      diffs={fields}
      lang={lang}
      dir={dir}
      fieldName={fieldName}
      addedLabel={t("diff.added")}
      removedLabel={t("diff.removed")}
    />
  );
}
