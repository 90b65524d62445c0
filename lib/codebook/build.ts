// The export's form model (lib/export/export-form.ts) + the bank's links → the codebook. Pure.
// Variables are read from the form itself, so their names, group paths, labels and lists are
// exactly what the XLSForm export writes; the bank part (the sections composed after the
// questionnaire's own rows) is matched to its bank questions by name, and each bank question to
// the indicators it feeds (indicators.ts).
import type { Language, PartialLocalizedText } from "../i18n/languages";
import type { IndicatorComputation } from "../framework/schema";
import { bankLanguageOf } from "../xlsform/bank-languages";
import { parseRelevant } from "../xlsform/relevant";
import { parseType, type FormModel, type SurveyNode } from "../xlsform/form";
import { assembleIndicators } from "./indicators";
import type { Codebook, CodebookChoiceList, CodebookLanguage, CodebookVariable } from "./model";

export type IndicatorInfo = {
  code: string;
  type: "behavioural" | "contextual";
  name: PartialLocalizedText;
  definition: PartialLocalizedText;
  computation: IndicatorComputation | null;
};

/** What the bank knows about a questionnaire's items (lib/codebook/data.ts reads it). */
export type CodebookLinks = {
  /** Each bank item: its name in the form, its bank code and version, the indicators its question is linked to */
  items: { name: string; code: string; version: number; indicators: string[] }[];
  /** Questions of the own form the researcher linked to a bank question, by their path ("group/name") */
  ownItems?: { path: string; code: string; version: number; indicators: string[] }[];
  /** Every indicator linked to one of those questions or whose definition reads one of them */
  indicators: IndicatorInfo[];
};

export type CodebookInput = {
  questionnaire: {
    id: string;
    slug: string | null;
    title: PartialLocalizedText;
    defaultLanguage: Language;
  };
  form: FormModel;
  /** How many top-level rows of the form are the questionnaire's own; the bank sections follow them */
  ownRows: number;
  links: CodebookLinks;
};

const nonEmpty = (texts: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(texts ?? {}).filter(([, v]) => v.trim() !== ""));

const value = (values: Record<string, string>, key: string): string | null => values[key]?.trim() || null;

/**
 * Every language the form's texts are in, in the form's own order, then any the texts hold that
 * the form's list lacks (bank languages composed into a form that did not have them).
 */
function languagesOf(form: FormModel, defaultLanguage: Language): CodebookLanguage[] {
  const names = form.languages.map((l) => l.name);
  const seen = new Set(names);
  const note = (texts: Record<string, Record<string, string>>) => {
    for (const key of ["label", "hint"])
      for (const name of Object.keys(texts[key] ?? {}))
        if (!seen.has(name)) {
          seen.add(name);
          names.push(name);
        }
  };
  const walk = (nodes: SurveyNode[]) => {
    for (const node of nodes) {
      note(node.texts);
      if (node.kind === "group" || node.kind === "repeat" || node.kind === "loop") walk(node.children);
    }
  };
  walk(form.survey);
  for (const list of form.choiceLists) for (const choice of list.choices) note(choice.texts);

  const bank = names.map((name) => bankLanguageOf(name));
  // A form's unnamed default language ("default", or a name the bank does not know) stands for the
  // questionnaire's default language when no other column is in it, as the export's composition assumes.
  const defaultName = form.languages.find((l) => l.isDefault)?.name;
  return names.map((name, i) => {
    let language = bank[i];
    if (!language && name === defaultName && !bank.includes(defaultLanguage)) language = defaultLanguage;
    return { name, language };
  });
}

export function buildCodebook({ questionnaire, form, ownRows, links }: CodebookInput): Codebook {
  const listNames = new Set(form.choiceLists.map((l) => l.name));
  const bankItems = new Map(links.items.map((i) => [i.name, i]));
  const ownLinks = new Map((links.ownItems ?? []).map((i) => [i.path, i]));
  const variables: CodebookVariable[] = [];

  const visit = (nodes: SurveyNode[], groups: string[], repeat: string | null, bankPart: boolean) => {
    nodes.forEach((node, index) => {
      // Comment and disabled rows are not in the form pyxform makes; a nameless note holds no data.
      if (node.kind === "skipped" || !node.name) return;
      const inBank = bankPart || (groups.length === 0 && index >= ownRows);
      const type = parseType(node.type);
      const relevant = value(node.values, "relevant");
      const parsed = relevant ? parseRelevant(relevant) : null;
      // A bank item by its name; an own question by its path, when the researcher linked it.
      const item =
        node.kind !== "question"
          ? undefined
          : inBank
            ? bankItems.get(node.name)
            : ownLinks.get([...groups, node.name].join("/"));
      variables.push({
        name: node.name,
        groups,
        column: [...groups, node.name].join("/"),
        kind: node.kind,
        type: node.type,
        listName: type.kind === "select" && listNames.has(type.listName) ? type.listName : null,
        repeat,
        labels: nonEmpty(node.texts.label),
        hints: nonEmpty(node.texts.hint),
        required: value(node.values, "required"),
        relevant,
        relevance: parsed?.ok ? parsed.relevance : null,
        calculation: value(node.values, "calculation"),
        constraint: value(node.values, "constraint"),
        bank: item ? { code: item.code, version: item.version } : null,
        indicators: [],
      });
      if (node.kind !== "question")
        visit(node.children, [...groups, node.name], node.kind === "repeat" ? node.name : repeat, inBank);
    });
  };
  visit(form.survey, [], null, false);

  const usedBy = new Map<string, string[]>();
  for (const v of variables) if (v.listName) usedBy.set(v.listName, [...(usedBy.get(v.listName) ?? []), v.name]);
  const choiceLists: CodebookChoiceList[] = form.choiceLists.map((list) => ({
    name: list.name,
    choices: list.choices.map((c) => ({ name: c.name, labels: nonEmpty(c.texts.label) })),
    usedBy: usedBy.get(list.name) ?? [],
  }));

  const indicators = assembleIndicators({ variables, choiceLists, links });
  return {
    questionnaire: {
      id: questionnaire.id,
      slug: questionnaire.slug,
      title: questionnaire.title,
      defaultLanguage: questionnaire.defaultLanguage,
      formId: form.settings.values.form_id ?? "",
      version: form.settings.values.version ?? "",
    },
    languages: languagesOf(form, questionnaire.defaultLanguage),
    variables,
    choiceLists,
    indicators,
  };
}
