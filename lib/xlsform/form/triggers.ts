// A `trigger` naming a question that is not shown, refused where pyxform 4.5.0 refuses it when it
// writes the XForm (question.py xml_control): the setvalue action would sit on a control that is
// never written. Not shown: a calculate row, or any row with a calculation or a trigger of its
// own and neither label nor hint. A background-geopoint's trigger (setgeopoint) is not checked so;
// a background-geopoint must have a trigger and no calculation.
import type { FormModel, SurveyNode } from "./model";
import type { FormProblem } from "./problems";
import { aliasedType } from "./question-types";

function* questions(nodes: SurveyNode[]): Generator<SurveyNode & { kind: "question" }> {
  for (const node of nodes) {
    if (node.kind === "question") yield node;
    else if (node.kind !== "skipped") yield* questions(node.children);
  }
}

const hasText = (texts: Record<string, string> | undefined) => Object.values(texts ?? {}).some((t) => t !== "");

export function checkTriggers(form: Pick<FormModel, "survey">, surveySheet: string): FormProblem[] {
  const all = [...questions(form.survey)];
  const hidden = new Set(
    all
      .filter(
        (q) =>
          aliasedType(q.type) === "calculate" ||
          ((q.values.calculation || q.values.trigger) && !hasText(q.texts.label) && !hasText(q.texts.hint)),
      )
      .map((q) => q.name),
  );
  // xls2json.py: a background-geopoint needs a trigger (it records when that question changes) and takes no calculation.
  for (const q of all) {
    if (aliasedType(q.type) !== "background-geopoint") continue;
    const at = { severity: "error" as const, sheet: surveySheet, row: q.row, value: q.name };
    if (!q.values.trigger) return [{ code: "background_geopoint_trigger", ...at, column: "trigger" }];
    if (q.values.calculation) return [{ code: "background_geopoint_calculation", ...at, column: "calculation" }];
  }
  for (const q of all) {
    if (!q.values.trigger || aliasedType(q.type) === "background-geopoint") continue;
    for (const part of q.values.trigger.split(",")) {
      const name = /\$\{(?:last-saved#)?([^}]*)\}/.exec(part)?.[1];
      if (name && hidden.has(name))
        return [
          {
            code: "trigger_not_visible",
            severity: "error",
            sheet: surveySheet,
            row: q.row,
            column: "trigger",
            value: name,
          },
        ];
    }
  }
  return [];
}
