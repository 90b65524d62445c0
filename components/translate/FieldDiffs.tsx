// Word-level changes field by field (the label, the hint, each answer choice) as a list: the one
// markup of the editor's source-change notice and history (FieldDiffList, on the server) and of
// the search-and-replace preview (ReplaceForm, in the browser). No hooks: the caller words it.
import type { FieldDiff } from "@/lib/translations/diff";
import { DiffText } from "@/components/ui/DiffText";

export function FieldDiffs({
  diffs,
  lang,
  dir,
  fieldName,
  addedLabel,
  removedLabel,
}: {
  diffs: FieldDiff[];
  /** The language of the texts compared */
  lang: string;
  dir: "ltr" | "rtl";
  fieldName: (field: string) => string;
  addedLabel: string;
  removedLabel: string;
}) {
  return (
    <dl>
      {diffs.map((d) => (
        <div key={d.field}>
          <dt>{fieldName(d.field)}</dt>
          <dd>
            <DiffText parts={d.parts} lang={lang} dir={dir} addedLabel={addedLabel} removedLabel={removedLabel} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
