// Is a questionnaire ready to leave for the field? Pure: it reads the plain questionnaire and
// lists every problem that would make an export wrong (a hole where a translation should be, skip
// logic pointing nowhere, clashing names, an empty section). Translation holes are forgiven only
// where the person chose a fallback language whose approved text can fill them.
import type { Language } from "../i18n/languages";
import { FORM_ROOT_NAME, isValidXlsformName } from "../vocabulary/names";
import { allItems, type QuestionnaireDoc, type QuestionnaireItemDoc, type TranslatedText } from "./model";
import type { TranslationState } from "../vocabulary/enums";
import type { Relevance } from "./relevance-schema";
import { chooseCellText, isInUse } from "./text-choice";
import { hazardPlaceholders } from "./hazard-text";

export type TextField =
  "form_title" | "section_title" | "label" | "hint" | "choice_label" | "required_message" | "constraint_message";

/** Where a problem is: a section, an item in it, or a choice of a list. */
export type Place = { field: TextField; section?: string; item?: string; list?: string; choice?: string };

export type SkipLogicProblem =
  "unknown_question" | "later_question" | "wrong_operator" | "unknown_choice" | "not_a_number";

export type ReadinessIssue =
  | { kind: "missing_translation"; lang: Language; place: Place }
  | { kind: "unapproved_translation"; lang: Language; status: TranslationState; place: Place }
  | { kind: "broken_skip_logic"; section: string; item?: string; question: string; problem: SkipLogicProblem }
  | { kind: "duplicate_name"; name: string }
  | { kind: "invalid_name"; name: string }
  | { kind: "empty_section"; section: string }
  | { kind: "no_questions" }
  | { kind: "unknown_language"; lang: string }
  /** Questions name the hazard through a placeholder, and the questionnaire has none chosen */
  | { kind: "hazard_needed"; items: string[] }
  /** A placeholder no hazard can fill ([[hazard.off]]) */
  | { kind: "unknown_placeholder"; item: string; token: string };

export type ReadinessOptions = {
  /** The languages to export; the questionnaire's own when absent */
  languages?: Language[];
  /** Fill holes from this language's approved text (the file then says so) */
  fallback?: Language | null;
  /**
   * The names the questionnaire's own (imported) form already uses: a bank question or section of
   * the same name clashes with it. Present only for a questionnaire with its own form, which may
   * then have no bank questions at all.
   */
  ownNames?: ReadonlySet<string>;
};

export type Readiness = {
  ready: boolean;
  languages: Language[];
  fallback: Language | null;
  issues: ReadinessIssue[];
  /** Cells that will hold the fallback language's text */
  filledFromFallback: number;
};

export function checkReadiness(doc: QuestionnaireDoc, options: ReadinessOptions = {}): Readiness {
  const languages = options.languages?.length ? options.languages : doc.languages;
  const fallback = options.fallback ?? null;
  const issues: ReadinessIssue[] = [];
  let filledFromFallback = 0;

  for (const lang of languages) if (!doc.languages.includes(lang)) issues.push({ kind: "unknown_language", lang });

  const checkText = (field: TranslatedText, place: Place, langs: Language[] = languages) => {
    for (const lang of langs) {
      if (chooseCellText(field, lang, null)) continue;
      if (chooseCellText(field, lang, fallback)) {
        filledFromFallback++;
        continue;
      }
      const entry = field[lang];
      if (entry && entry.text.trim())
        issues.push({ kind: "unapproved_translation", lang, status: entry.status, place });
      else issues.push({ kind: "missing_translation", lang, place });
    }
  };

  // The form title is a single setting, written in the default language.
  const titleLanguage = languages.includes(doc.defaultLanguage) ? doc.defaultLanguage : languages[0];
  const title: TranslatedText = {};
  for (const [lang, text] of Object.entries(doc.title) as [Language, string][])
    if (text?.trim()) title[lang] = { text, status: "approved" };
  if (titleLanguage) checkText(title, { field: "form_title" }, [titleLanguage]);

  const items = allItems(doc);
  if (items.length === 0 && !options.ownNames) issues.push({ kind: "no_questions" });
  checkNames(doc, issues, options.ownNames);

  const listsInUse = new Set<string>();
  const earlier = new Map<string, QuestionnaireItemDoc>();
  for (const section of doc.sections) {
    if (section.items.length === 0) issues.push({ kind: "empty_section", section: section.name });
    checkText(section.title, { field: "section_title", section: section.name });
    checkSkipLogic(doc, section.relevant, earlier, { section: section.name }, issues);
    for (const item of section.items) {
      const place = { section: section.name, item: item.name };
      checkSkipLogic(doc, item.relevant, earlier, place, issues);
      checkText(item.label, { ...place, field: "label" });
      if (isInUse(item.hint)) checkText(item.hint, { ...place, field: "hint" });
      if (item.required && isInUse(item.requiredMessage))
        checkText(item.requiredMessage, { ...place, field: "required_message" });
      if (item.constraint && isInUse(item.constraintMessage))
        checkText(item.constraintMessage, { ...place, field: "constraint_message" });
      if (item.listName) listsInUse.add(item.listName);
      earlier.set(item.name, item);
    }
  }
  for (const list of doc.choiceLists) {
    if (!listsInUse.has(list.name)) continue;
    for (const choice of list.choices)
      checkText(choice.label, { field: "choice_label", list: list.name, choice: choice.name });
  }
  // The hazard's texts come from the fallback language too where it fills a hole.
  const placeholders = hazardPlaceholders(doc, fallback ? [...new Set([...languages, fallback])] : languages);
  if (!doc.hazard && placeholders.items.length) issues.push({ kind: "hazard_needed", items: placeholders.items });
  for (const { item, token } of placeholders.malformed) issues.push({ kind: "unknown_placeholder", item, token });
  return { ready: issues.length === 0, languages, fallback, issues, filledFromFallback };
}

function checkNames(doc: QuestionnaireDoc, issues: ReadinessIssue[], ownNames: ReadonlySet<string> = new Set()) {
  // Names must be unique in the whole form, whatever the case: `${name}` references need it.
  const seen = new Set([...ownNames].map((n) => n.toLowerCase()));
  const reported = new Set<string>();
  for (const name of [...doc.sections.map((s) => s.name), ...allItems(doc).map((i) => i.name)]) {
    if (!isValidXlsformName(name) || name === FORM_ROOT_NAME) issues.push({ kind: "invalid_name", name });
    const key = name.toLowerCase();
    if (seen.has(key) && !reported.has(key)) {
      issues.push({ kind: "duplicate_name", name });
      reported.add(key);
    }
    seen.add(key);
  }
}

const NUMERIC_TYPES = new Set(["integer", "decimal"]);

function checkSkipLogic(
  doc: QuestionnaireDoc,
  relevance: Relevance | null,
  earlier: Map<string, QuestionnaireItemDoc>,
  where: { section: string; item?: string },
  issues: ReadinessIssue[],
) {
  if (!relevance) return;
  const exists = new Set(allItems(doc).map((i) => i.name));
  for (const rule of relevance.rules) {
    const report = (problem: SkipLogicProblem) =>
      issues.push({ kind: "broken_skip_logic", ...where, question: rule.question, problem });
    const target = earlier.get(rule.question);
    if (!target) {
      report(exists.has(rule.question) ? "later_question" : "unknown_question");
      continue;
    }
    const numericValue = typeof rule.value === "number" || /^-?\d+(\.\d+)?$/.test(rule.value);
    switch (rule.operator) {
      case "selected":
      case "not_selected":
        if (target.type !== "select_multiple") report("wrong_operator");
        else if (!hasChoice(doc, target, String(rule.value))) report("unknown_choice");
        break;
      case "gt":
      case "gte":
      case "lt":
      case "lte":
        if (!NUMERIC_TYPES.has(target.type)) report("wrong_operator");
        else if (!numericValue) report("not_a_number");
        break;
      default:
        if (target.type === "select_multiple" || target.type === "note") report("wrong_operator");
        else if (target.type === "select_one" && !hasChoice(doc, target, String(rule.value))) report("unknown_choice");
        else if (NUMERIC_TYPES.has(target.type) && !numericValue) report("not_a_number");
    }
  }
}

function hasChoice(doc: QuestionnaireDoc, item: QuestionnaireItemDoc, name: string): boolean {
  return !!doc.choiceLists.find((l) => l.name === item.listName)?.choices.some((c) => c.name === name);
}
