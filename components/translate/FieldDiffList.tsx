// Word-level changes field by field (the label, the hint, each answer choice), as the editor page
// shows both a source's change since the translation and each revision of the translation.
import { getTranslations } from "next-intl/server";
import type { FieldDiff } from "@/lib/translations/diff";
import { DiffText } from "@/components/ui/DiffText";

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
    <dl>
      {fields.map((f) => (
        <div key={f.field}>
          <dt>{fieldName(f.field)}</dt>
          <dd>
            <DiffText
              parts={f.parts}
              lang={lang}
              dir={dir}
              addedLabel={t("diff.added")}
              removedLabel={t("diff.removed")}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}
