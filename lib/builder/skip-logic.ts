// Skip logic in the builder: which operators suit which answer type, which rules a change would
// break (a rule may only look back, at a question asked earlier), and how a form filled in the
// preview decides what to show. Pure, so that the page warns with exactly the rule the server applies.
import type { QuestionType } from "../vocabulary/enums";
import type { Relevance, RelevanceOperator, RelevanceRule } from "../questionnaires/relevance-schema";

export type OutlineItem = { name: string; type: QuestionType; choices: string[] | null; relevant: Relevance | null };
export type OutlineSection = { name: string; relevant: Relevance | null; items: OutlineItem[] };

export type SkipProblemKind =
  "later_question" | "unknown_question" | "wrong_operator" | "unknown_choice" | "not_a_number";
export type SkipProblem = { owner: string; ownerIsSection: boolean; question: string; problem: SkipProblemKind };

/** Problems that make a rule point forward or at nothing: the server refuses any change that leaves one. */
export const STRUCTURAL: ReadonlySet<SkipProblemKind> = new Set(["later_question", "unknown_question"]);

const NUMERIC = new Set<QuestionType>(["integer", "decimal"]);

/** The operators a rule on a question of this type may use, in the order the builder offers them. */
export function operatorsFor(type: QuestionType): RelevanceOperator[] {
  if (type === "select_multiple") return ["selected", "not_selected"];
  if (NUMERIC.has(type)) return ["eq", "neq", "gt", "gte", "lt", "lte"];
  if (type === "note") return [];
  return ["eq", "neq"];
}

const isNumber = (value: string | number) => typeof value === "number" || /^-?\d+(\.\d+)?$/.test(value.trim());

function ruleProblem(rule: RelevanceRule, target: OutlineItem): SkipProblemKind | null {
  if (!operatorsFor(target.type).includes(rule.operator)) return "wrong_operator";
  if (
    target.choices &&
    (target.type === "select_one" || target.type === "select_multiple") &&
    !target.choices.includes(String(rule.value))
  )
    return "unknown_choice";
  if (NUMERIC.has(target.type) && !isNumber(rule.value)) return "not_a_number";
  return null;
}

/** Every problem of every rule, in questionnaire order. */
export function findSkipProblems(outline: OutlineSection[]): SkipProblem[] {
  const all = new Set(outline.flatMap((s) => s.items.map((i) => i.name)));
  const earlier = new Map<string, OutlineItem>();
  const problems: SkipProblem[] = [];
  const check = (owner: string, ownerIsSection: boolean, relevance: Relevance | null) => {
    for (const rule of relevance?.rules ?? []) {
      const target = earlier.get(rule.question);
      const problem: SkipProblemKind | null = target
        ? ruleProblem(rule, target)
        : all.has(rule.question)
          ? "later_question"
          : "unknown_question";
      if (problem) problems.push({ owner, ownerIsSection, question: rule.question, problem });
    }
  };
  for (const section of outline) {
    check(section.name, true, section.relevant);
    for (const item of section.items) {
      check(item.name, false, item.relevant);
      earlier.set(item.name, item);
    }
  }
  return problems;
}

export function structuralProblems(outline: OutlineSection[]): SkipProblem[] {
  return findSkipProblems(outline).filter((p) => STRUCTURAL.has(p.problem));
}

/** Items and sections whose skip logic refers to any of `names`. */
export function dependentsOf(outline: OutlineSection[], names: string[]): string[] {
  const wanted = new Set(names);
  const refers = (r: Relevance | null) => !!r?.rules.some((rule) => wanted.has(rule.question));
  const out: string[] = [];
  for (const section of outline) {
    if (refers(section.relevant)) out.push(section.name);
    for (const item of section.items) if (!wanted.has(item.name) && refers(item.relevant)) out.push(item.name);
  }
  return out;
}

/** The outline after moving one item to `position` in section `sectionName` (for a warning before the move). */
export function moveInOutline(
  outline: OutlineSection[],
  itemName: string,
  sectionName: string,
  position: number,
): OutlineSection[] {
  const item = outline.flatMap((s) => s.items).find((i) => i.name === itemName);
  if (!item) return outline;
  const without = outline.map((s) => ({ ...s, items: s.items.filter((i) => i.name !== itemName) }));
  return without.map((s) => {
    if (s.name !== sectionName) return s;
    const items = [...s.items];
    items.splice(Math.min(Math.max(0, position), items.length), 0, item);
    return { ...s, items };
  });
}

/** The outline after moving one section to `position`. */
export function moveSectionInOutline(
  outline: OutlineSection[],
  sectionName: string,
  position: number,
): OutlineSection[] {
  const section = outline.find((s) => s.name === sectionName);
  if (!section) return outline;
  const rest = outline.filter((s) => s.name !== sectionName);
  rest.splice(Math.min(Math.max(0, position), rest.length), 0, section);
  return rest;
}

/** The outline without these items (and without these sections with their items). */
export function removeFromOutline(
  outline: OutlineSection[],
  { items = [], sections = [] }: { items?: string[]; sections?: string[] },
): OutlineSection[] {
  return outline
    .filter((s) => !sections.includes(s.name))
    .map((s) => ({ ...s, items: s.items.filter((i) => !items.includes(i.name)) }));
}

// ---------------------------------------------------------------- filling in (the preview)

export type Answer = string | string[] | undefined;
export type Answers = Record<string, Answer>;

function ruleHolds(rule: RelevanceRule, answer: Answer): boolean {
  const value = String(rule.value);
  if (rule.operator === "selected" || rule.operator === "not_selected") {
    const chosen = Array.isArray(answer) ? answer : answer ? [answer] : [];
    return rule.operator === "selected" ? chosen.includes(value) : !chosen.includes(value);
  }
  const given = Array.isArray(answer) ? answer.join(" ") : (answer ?? "");
  if (rule.operator === "eq")
    return isNumber(value) && given !== "" && isNumber(given) ? Number(given) === Number(value) : given === value;
  if (rule.operator === "neq")
    return isNumber(value) && given !== "" && isNumber(given) ? Number(given) !== Number(value) : given !== value;
  // As in ODK, an empty answer is not a number: every comparison with it is false.
  if (given === "" || !isNumber(given) || !isNumber(value)) return false;
  const a = Number(given);
  const b = Number(value);
  return rule.operator === "gt" ? a > b : rule.operator === "gte" ? a >= b : rule.operator === "lt" ? a < b : a <= b;
}

export function relevanceHolds(relevance: Relevance | null, answers: Answers): boolean {
  if (!relevance || relevance.rules.length === 0) return true;
  const results = relevance.rules.map((rule) => ruleHolds(rule, answers[rule.question]));
  return relevance.combinator === "and" ? results.every(Boolean) : results.some(Boolean);
}

/**
 * Which sections and items are shown for these answers. As in ODK, the answer of a question that
 * is not shown counts as empty for every later rule.
 */
type Shown = { name: string; relevant: Relevance | null };

export function visibleNames(outline: (Shown & { items: Shown[] })[], answers: Answers): Set<string> {
  const effective: Answers = {};
  const shown = new Set<string>();
  for (const section of outline) {
    const sectionShown = relevanceHolds(section.relevant, effective);
    if (sectionShown) shown.add(section.name);
    for (const item of section.items) {
      const itemShown = sectionShown && relevanceHolds(item.relevant, effective);
      if (itemShown) {
        shown.add(item.name);
        effective[item.name] = answers[item.name];
      }
    }
  }
  return shown;
}
