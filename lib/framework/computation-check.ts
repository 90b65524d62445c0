// Does a computable definition fit the bank version it names? Pure: the caller reads the versions
// (inside its transaction) and this says, in order, every name that does not exist there.
import { referencedChoices, type IndicatorComputation } from "./schema";

/** What one published version of a question offers a definition: its answer type and choice names. */
export type VersionChoices = { type: string; choices: string[] };

export type ComputationProblem =
  | { kind: "unknownQuestion"; question: string }
  | { kind: "unknownVersion"; question: string; bankVersion: number }
  | { kind: "notChoiceQuestion"; question: string; bankVersion: number; type: string }
  | { kind: "unknownChoice"; question: string; bankVersion: number; choice: string };

export const versionKey = (question: string, bankVersion: number) => `${question}@${bankVersion}`;

/**
 * `versions` maps versionKey → the version's choices; a question that exists but lacks that
 * version is listed in `knownQuestions`.
 */
export function computationProblems(
  c: IndicatorComputation,
  versions: ReadonlyMap<string, VersionChoices>,
  knownQuestions: ReadonlySet<string>,
): ComputationProblem[] {
  const problems: ComputationProblem[] = [];
  for (const ref of referencedChoices(c)) {
    const { question, bankVersion } = ref;
    const version = versions.get(versionKey(question, bankVersion));
    if (!version) {
      problems.push(
        knownQuestions.has(question)
          ? { kind: "unknownVersion", question, bankVersion }
          : { kind: "unknownQuestion", question },
      );
      continue;
    }
    if (version.type !== "select_one" && version.type !== "select_multiple") {
      problems.push({ kind: "notChoiceQuestion", question, bankVersion, type: version.type });
      continue;
    }
    const names = new Set(version.choices);
    for (const choice of ref.choices)
      if (!names.has(choice)) problems.push({ kind: "unknownChoice", question, bankVersion, choice });
  }
  return problems;
}

/** One line per problem, in the bank's own names (codes and choice names read the same in every language). */
export function describeProblem(p: ComputationProblem): string {
  switch (p.kind) {
    case "unknownQuestion":
      return p.question;
    case "unknownVersion":
      return `${p.question} v${p.bankVersion}`;
    case "notChoiceQuestion":
      return `${p.question} v${p.bankVersion} (${p.type})`;
    case "unknownChoice":
      return `${p.question} v${p.bankVersion}: ${p.choice}`;
  }
}
