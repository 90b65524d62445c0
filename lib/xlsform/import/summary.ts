// What a form holds, counted: for the import report, the API's answer and the builder's panel.
import { walkSurvey, type FormModel } from "../form";
import type { FormSummary } from "./types";

export function summarizeForm(form: FormModel): FormSummary {
  const summary: FormSummary = { questions: 0, groups: 0, repeats: 0, choiceLists: 0, languages: [] };
  for (const node of walkSurvey(form.survey)) {
    if (node.kind === "question") summary.questions++;
    else if (node.kind === "group") summary.groups++;
    else if (node.kind === "repeat" || node.kind === "loop") summary.repeats++;
  }
  summary.choiceLists = form.choiceLists.length;
  summary.languages = form.languages.map((l) => l.name);
  return summary;
}
