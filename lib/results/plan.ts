// What a questionnaire's codebook says about reading its submissions: the variables a file's
// columns are matched to (names and group paths as the XLSForm export writes them; a repeat's
// answers are in another table of the export and are not read), the computable definitions, the
// answers each select question allows, the indicators whose question sits inside a repeat (so
// cannot be computed from the main table, and are said to be so), and the bank versions each definition and the form name
// (kept with every upload, so that datasets compared later say where they differ). The upload's
// checks against them are ingest.ts's. Pure.
import type { Codebook } from "../codebook/model";
import type { IndicatorComputation } from "../framework/schema";
import type { QuestionnaireVariable } from "./submissions";

export type DefinitionVersions = Record<string, { defined: number; used: number | null }>;

export type ResultsPlan = {
  variables: QuestionnaireVariable[];
  definitions: Record<string, IndicatorComputation>;
  /** variable → the choice names it may record, and whether several are recorded (select_multiple) */
  choices: Map<string, { multiple: boolean; other: boolean; names: Set<string> }>;
  versions: DefinitionVersions;
  /**
   * Computable indicators whose key (or universe) question is inside a repeat: its answers, one
   * per repeat instance, are in the repeat's own table of the export (a sheet of its own in
   * Kobo's XLSX, a file of its own in ODK Central's zip), which is not read. Sorted by code.
   */
  inRepeat: InRepeat[];
};

export type InRepeat = { code: string; question: string; repeat: string };

export type ColumnMapping = {
  /** variable name → the header of its column */
  columns: Record<string, string>;
  unmatched: string[];
  missing: string[];
};

export function planFromCodebook(codebook: Codebook): ResultsPlan {
  const questions = codebook.variables.filter((v) => v.kind === "question" && v.repeat === null);
  const repeated = new Map(
    codebook.variables
      .filter((v) => v.kind === "question" && v.repeat !== null && v.bank)
      .map((v) => [v.bank!.code, v.repeat!]),
  );
  const lists = new Map(codebook.choiceLists.map((l) => [l.name, new Set(l.choices.map((c) => c.name))]));
  const choices: ResultsPlan["choices"] = new Map();
  for (const v of questions) {
    const names = v.listName ? lists.get(v.listName) : undefined;
    // `or_other` lets a respondent type an answer of their own, recorded as "other".
    if (names)
      choices.set(v.name, { multiple: /^select_multiple\b/.test(v.type), other: /\bor_other\b/.test(v.type), names });
  }
  const byCode = new Map(questions.filter((v) => v.bank).map((v) => [v.bank!.code, v]));
  const definitions: ResultsPlan["definitions"] = {};
  const versions: DefinitionVersions = {};
  const inRepeat: InRepeat[] = [];
  for (const i of codebook.indicators) {
    if (!i.computation || !i.computable) continue;
    definitions[i.code] = i.computation;
    const asked = [i.computation.question, i.computation.denominator.universe?.question].filter(
      (q): q is string => !!q,
    );
    // Asked outside any repeat too: the main table has it, nothing to say.
    const repeatedOnly = asked.find((q) => !byCode.has(q) && repeated.has(q));
    if (repeatedOnly) inRepeat.push({ code: i.code, question: repeatedOnly, repeat: repeated.get(repeatedOnly)! });
    versions[i.code] = {
      defined: i.computation.bankVersion,
      used: byCode.get(i.computation.question)?.bank?.version ?? null,
    };
  }
  return {
    variables: questions.map((v) => ({ name: v.name, groups: v.groups, code: v.bank?.code ?? "" })),
    definitions,
    choices,
    versions,
    inRepeat: inRepeat.sort((a, b) => a.code.localeCompare(b.code)),
  };
}
