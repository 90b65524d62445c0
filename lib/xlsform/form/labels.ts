// A shown question with neither label, hint nor media, refused where pyxform 4.5.0 refuses it when
// it writes the XForm (survey_element.py xml_label_and_hint; a guidance_hint alone is not enough,
// since it may be hidden). Only the types measured to write a control with a label (text, numbers,
// dates, geo, media, barcode, acknowledge, range, note, selects, rank); a row with a calculation
// or a trigger and no label or hint writes no control (question.py xml_control) and is accepted.
// A big-image without an image is refused in the same place.
import type { FormModel, SurveyNode } from "./model";
import type { FormProblem } from "./problems";
import { parseType } from "./question-types";

const LABELLED = new Set([
  "acknowledge",
  "audio",
  "barcode",
  "date",
  "datetime",
  "decimal",
  "file",
  "geopoint",
  "geoshape",
  "geotrace",
  "image",
  "photo",
  "integer",
  "note",
  "range",
  "text",
  "time",
  "video",
]);
// Texts that do not make a label: everything else (label, hint, media::…) does.
const NOT_LABEL = new Set(["guidance_hint", "constraint_message", "required_message"]);

function* questions(nodes: SurveyNode[]): Generator<SurveyNode & { kind: "question" }> {
  for (const node of nodes) {
    if (node.kind === "question") yield node;
    else if (node.kind !== "skipped") yield* questions(node.children);
  }
}

export function checkLabels(form: Pick<FormModel, "survey">, surveySheet: string): FormProblem[] {
  for (const q of questions(form.survey)) {
    const parsed = parseType(q.type);
    const shown =
      (parsed.kind === "question" && LABELLED.has(parsed.type)) ||
      (parsed.kind === "select" && parsed.select !== "select_one_external");
    if (!shown) continue;
    const has = (key: string) => Object.values(q.texts[key] ?? {}).some((t) => t !== "");
    if ((q.values.calculation || q.values.trigger) && !has("label") && !has("hint")) continue;
    const labelled = Object.entries(q.texts).some(
      ([key, texts]) => !NOT_LABEL.has(key) && Object.values(texts ?? {}).some((t) => t !== ""),
    );
    // a bare `media` column, or a media column the reader keeps verbatim, counts as media too
    const media = Object.entries(q.verbatim).some(
      ([header, value]) => value && /^(media|image|audio|video|big-image)/i.test(header),
    );
    if (!labelled && !media)
      return [
        { code: "missing_label", severity: "error", sheet: surveySheet, row: q.row, column: "label", value: q.name },
      ];
    // a big image is the enlarged form of the image: pyxform wants both
    if (has("media::big-image") && !has("media::image"))
      return [
        {
          code: "big_image_without_image",
          severity: "error",
          sheet: surveySheet,
          row: q.row,
          column: "media::big-image",
          value: q.name,
        },
      ];
  }
  return [];
}
