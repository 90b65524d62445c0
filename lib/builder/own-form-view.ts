// The questionnaire's own (imported) form as the builder shows and edits it: a tree of its
// questions, groups and repeats with what the edit form needs, in plain serialisable data. Only
// the first SHOWN rows are listed: a 5,000-row form is summarised, not sent whole to the browser.
import { bankLanguageOf } from "../xlsform/bank-languages";
import { bareLanguage, type FormModel, type SurveyNode } from "../xlsform/form";

export const SHOWN = 400;

export type OwnFormRow = {
  /** Names from the top of the form to this row (how edits find it) */
  path: string[];
  kind: "question" | "group" | "repeat" | "loop";
  name: string;
  /** The type as written (`select_one yn`, `begin_repeat`…) */
  type: string;
  /** Form language → text */
  label: Record<string, string>;
  hint: Record<string, string>;
  constraintMessage: Record<string, string>;
  required: boolean;
  relevant: string;
  constraint: string;
  calculation: string;
  /** The label in the reader's language where the form has it, else in its default language */
  shownLabel: string | null;
  /** Unnamed notes cannot be found again by name: shown, not edited */
  editable: boolean;
  children: OwnFormRow[];
};

export type OwnFormLanguage = { name: string; dir: "ltr" | "rtl"; lang: string | undefined };

export type OwnFormView = {
  rows: OwnFormRow[];
  /** Rows left out of `rows` (past SHOWN) */
  more: number;
  languages: OwnFormLanguage[];
  listNames: string[];
  /** Groups and repeats to add a question to, by path (shown rows only) */
  containers: { path: string[]; label: string }[];
};

const RTL = new Set(["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

function languageOf(name: string, code: string | null): OwnFormLanguage {
  const tag = code ?? bankLanguageOf(name) ?? undefined;
  return { name, lang: tag, dir: tag && RTL.has(tag.split("-")[0].toLowerCase()) ? "rtl" : "ltr" };
}

/** `preferred`: form language names to show labels in, best first. */
export function ownFormView(form: FormModel, preferred: (string | null)[] = []): OwnFormView {
  const shownLabel = (texts: Record<string, string>) => {
    for (const name of preferred) if (name && texts[name]?.trim()) return texts[name];
    return Object.values(texts).find((t) => t.trim()) ?? null;
  };
  let shown = 0;
  let total = 0;
  const containers: OwnFormView["containers"] = [];
  const visit = (nodes: SurveyNode[], parent: string[]): OwnFormRow[] => {
    const out: OwnFormRow[] = [];
    for (const node of nodes) {
      if (node.kind === "skipped") continue;
      total++;
      if (shown >= SHOWN) {
        if (node.kind !== "question") visit(node.children, [...parent, node.name]);
        continue;
      }
      shown++;
      const path = [...parent, node.name];
      const label = node.texts.label ?? {};
      if (node.kind !== "question")
        containers.push({
          path,
          label: `${path.join(" / ")}${Object.values(label)[0] ? ` (${Object.values(label)[0]})` : ""}`,
        });
      out.push({
        path,
        kind: node.kind,
        name: node.name,
        type: node.type,
        label,
        hint: node.texts.hint ?? {},
        constraintMessage: node.texts.constraint_message ?? {},
        required: /^(yes|true|true\(\))$/i.test(node.values.required ?? ""),
        relevant: node.values.relevant ?? "",
        constraint: node.values.constraint ?? "",
        calculation: node.values.calculation ?? "",
        shownLabel: shownLabel(label),
        editable: !!node.name,
        children: node.kind === "question" ? [] : visit(node.children, path),
      });
    }
    return out;
  };
  const rows = visit(form.survey, []);
  return {
    rows,
    more: total - shown,
    // A form without any text column still gets its texts in pyxform's language for bare columns.
    languages: form.languages.length
      ? form.languages.map((l) => languageOf(l.name, l.code))
      : [languageOf(bareLanguage(form.settings), null)],
    listNames: form.choiceLists.map((l) => l.name),
    containers,
  };
}
