// Reading the editors' form fields into the inputs the schemas check: pure, so the server action and
// tests read a form the same way.
import { parseChoiceLines, type QuestionInputRaw } from "./schema";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const num = (form: FormData, name: string) => {
  const v = text(form, name).trim();
  return v === "" ? null : Number(v);
};

export function questionInputFromForm(form: FormData): QuestionInputRaw {
  return {
    code: text(form, "code"),
    type: text(form, "type") as QuestionInputRaw["type"],
    sourceLanguage: (text(form, "sourceLanguage") || "en") as QuestionInputRaw["sourceLanguage"],
    label: text(form, "label"),
    hint: text(form, "hint"),
    notes: text(form, "notes"),
    constraintMessage: text(form, "constraintMessage"),
    customConstraint: text(form, "customConstraint"),
    constraint: {
      min: num(form, "min"),
      max: num(form, "max"),
      maxLength: num(form, "maxLength"),
      notFuture: form.get("notFuture") === "on",
    },
    choiceMode: (text(form, "choiceMode") || "none") as QuestionInputRaw["choiceMode"],
    sharedList: text(form, "sharedList"),
    ownChoices: parseChoiceLines(text(form, "ownChoices")),
    indicators: form.getAll("indicators").filter((v): v is string => typeof v === "string" && v !== ""),
    tags: text(form, "tags")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    sourceKey: text(form, "sourceKey"),
    sourceRelation: (text(form, "sourceRelation") || null) as QuestionInputRaw["sourceRelation"],
  };
}

export function revisionFromForm(form: FormData): number {
  const n = Number(text(form, "revision"));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

export { text as formText };
