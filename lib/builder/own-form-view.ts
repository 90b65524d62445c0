// The questionnaire's own (imported) form as the builder shows and edits it: a tree of its
// questions, groups and repeats with what the edit form needs, in plain serialisable data. A page
// of SHOWN rows at a time (a 5,000-row form is not sent whole to the browser), optionally only the
// rows whose name or label holds the words searched for; the groups around a row come with it.
import { bankLanguageOf } from "../xlsform/bank-languages";
import { bareLanguage, parseType, type FormModel, type SurveyNode } from "../xlsform/form";
import { isYes } from "./own-form-edit";
import { filterColumns } from "./own-form-lists";
import { OWN_LIST_MAX_CHOICES } from "./own-form-schema";
import { listUsers } from "./own-form-rename";
import { referenceCounts } from "../xlsform/form/rename-references";
import { choiceValueSites } from "../xlsform/form/choice-value-references";

export const SHOWN = 400;

export type OwnChoiceView = { name: string; label: Record<string, string>; filters: Record<string, string> };
export type OwnListView = {
  name: string;
  size: number;
  /** Questions taking their answers from it: a rename changes their types, a delete is refused */
  usedBy: string[];
  /** Null for a list too long to edit here (over OWN_LIST_MAX_CHOICES) */
  choices: OwnChoiceView[] | null;
  /** Choice value → the places a rename of it rewrites ("question (column)", once per place) */
  valueUses: Record<string, string[]>;
};

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
  guidanceHint: Record<string, string>;
  default: string;
  appearance: string;
  readOnly: boolean;
  choiceFilter: string;
  repeatCount: string;
  /** A select_one/select_multiple/rank question's list (one the builder can change); else null */
  listName: string | null;
  /** The label in the reader's language where the form has it, else in its default language */
  shownLabel: string | null;
  /** `${name}` references to it anywhere in the form: what a rename rewrites */
  references: number;
  /** Unnamed notes cannot be found again by name: shown, not edited */
  editable: boolean;
  children: OwnFormRow[];
};

export type OwnFormLanguage = { name: string; dir: "ltr" | "rtl"; lang: string | undefined };

export type OwnFormView = {
  rows: OwnFormRow[];
  /** Rows of the form (or matching the search) in all, and the page shown (from 0) of `pages` */
  matching: number;
  page: number;
  pages: number;
  query: string;
  languages: OwnFormLanguage[];
  listNames: string[];
  lists: OwnListView[];
  /** The choices sheet's extra columns (cascading selects' filter columns) */
  filterColumns: string[];
  /** Groups and repeats to add a question to, by path */
  containers: { path: string[]; label: string }[];
};

const RTL = new Set(["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

function languageOf(name: string, code: string | null): OwnFormLanguage {
  const tag = code ?? bankLanguageOf(name) ?? undefined;
  return { name, lang: tag, dir: tag && RTL.has(tag.split("-")[0].toLowerCase()) ? "rtl" : "ltr" };
}

const EDITABLE_SELECTS = new Set(["select_one", "select_multiple", "rank"]);

function rowOf(
  node: Exclude<SurveyNode, { kind: "skipped" }>,
  path: string[],
  shownLabel: OwnFormRow["shownLabel"],
  references: number,
) {
  const parsed = parseType(node.type);
  const label = node.texts.label ?? {};
  return {
    path,
    kind: node.kind,
    name: node.name,
    type: node.type,
    label,
    hint: node.texts.hint ?? {},
    constraintMessage: node.texts.constraint_message ?? {},
    required: isYes(node.values.required),
    relevant: node.values.relevant ?? "",
    constraint: node.values.constraint ?? "",
    calculation: node.values.calculation ?? "",
    guidanceHint: node.texts.guidance_hint ?? {},
    default: node.values.default ?? "",
    appearance: node.values.appearance ?? "",
    readOnly: isYes(node.values.read_only),
    choiceFilter: node.values.choice_filter ?? "",
    repeatCount: node.values.repeat_count ?? "",
    listName: parsed.kind === "select" && EDITABLE_SELECTS.has(parsed.select) ? parsed.listName : null,
    shownLabel,
    references,
    editable: !!node.name,
    children: [] as OwnFormRow[],
  } satisfies OwnFormRow;
}

/**
 * `preferred`: form language names to show labels in, best first. `query`: words every shown row's
 * name or label (in any language) must hold; `page`: which SHOWN rows of those.
 */
export function ownFormView(
  form: FormModel,
  preferred: (string | null)[] = [],
  { query = "", page = 0 }: { query?: string; page?: number } = {},
): OwnFormView {
  const shownLabel = (texts: Record<string, string>) => {
    for (const name of preferred) if (name && texts[name]?.trim()) return texts[name];
    return Object.values(texts).find((t) => t.trim()) ?? null;
  };
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (node: SurveyNode) => {
    if (!words.length) return true;
    const hay = [node.name, ...Object.values(node.texts.label ?? {})].join(" ").toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  // First pass: number the matching rows in reading order, to know the pages.
  let matching = 0;
  const index = new Map<SurveyNode, number>();
  const containers: OwnFormView["containers"] = [];
  const number = (nodes: SurveyNode[], parent: string[]) => {
    for (const node of nodes) {
      if (node.kind === "skipped") continue;
      if (matches(node)) index.set(node, matching++);
      if (node.kind !== "question") {
        const path = [...parent, node.name];
        const first = Object.values(node.texts.label ?? {})[0];
        containers.push({ path, label: `${path.join(" / ")}${first ? ` (${first})` : ""}` });
        number(node.children, path);
      }
    }
  };
  number(form.survey, []);
  const pages = Math.max(1, Math.ceil(matching / SHOWN));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const onPage = (node: SurveyNode) => {
    const at = index.get(node);
    return at !== undefined && at >= current * SHOWN && at < (current + 1) * SHOWN;
  };
  const counts = referenceCounts(form);
  // Second pass: the rows of this page, with the groups holding them (so the tree still reads).
  const visit = (nodes: SurveyNode[], parent: string[]): OwnFormRow[] => {
    const out: OwnFormRow[] = [];
    for (const node of nodes) {
      if (node.kind === "skipped") continue;
      const path = [...parent, node.name];
      const children = node.kind === "question" ? [] : visit(node.children, path);
      if (!onPage(node) && !children.length) continue;
      out.push({ ...rowOf(node, path, shownLabel(node.texts.label ?? {}), counts.get(node.name) ?? 0), children });
    }
    return out;
  };
  const columns = filterColumns(form);
  // One pass over the form's expressions for every list's values (not one per choice).
  const valueUses = new Map<string, Map<string, string[]>>();
  for (const site of choiceValueSites(form)) {
    const uses = valueUses.get(site.list) ?? new Map<string, string[]>();
    valueUses.set(site.list, uses);
    const places = uses.get(site.value);
    if (places) places.push(site.where);
    else uses.set(site.value, [site.where]);
  }
  return {
    rows: visit(form.survey, []),
    matching,
    page: current,
    pages,
    query,
    // A form without any text column still gets its texts in pyxform's language for bare columns.
    languages: form.languages.length
      ? form.languages.map((l) => languageOf(l.name, l.code))
      : [languageOf(bareLanguage(form.settings), null)],
    listNames: form.choiceLists.map((l) => l.name),
    lists: form.choiceLists.map((l) => ({
      name: l.name,
      size: l.choices.length,
      usedBy: listUsers(form, l.name),
      choices:
        l.choices.length > OWN_LIST_MAX_CHOICES
          ? null
          : l.choices.map((c) => ({
              name: c.name,
              label: c.texts.label ?? {},
              filters: Object.fromEntries(columns.filter((h) => c.verbatim[h]).map((h) => [h, c.verbatim[h]])),
            })),
      valueUses: Object.fromEntries(valueUses.get(l.name) ?? []),
    })),
    filterColumns: columns,
    containers,
  };
}
