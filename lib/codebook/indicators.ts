// Which indicator each bank variable feeds, and how: from the framework's links (a question is
// linked to the indicators it measures) and from each indicator's computable definition (its key
// question, and the question that decides who is counted). Definitions name bank codes at a bank
// version; the form names variables, which may be renamed, and was taken at some version: the
// codebook says which variable to read and where the two disagree. Pure.
import { referencedChoices } from "../framework/schema";
import type { CodebookLinks } from "./build";
import type { CodebookChoiceList, CodebookIndicator, CodebookVariable, IndicatorNote, IndicatorRole } from "./model";

export function assembleIndicators({
  variables,
  choiceLists,
  links,
}: {
  /** The form's variables; each bank variable's `indicators` is filled in here */
  variables: CodebookVariable[];
  choiceLists: CodebookChoiceList[];
  links: CodebookLinks;
}): CodebookIndicator[] {
  const byCode = new Map(variables.filter((v) => v.bank).map((v) => [v.bank!.code, v]));
  const position = new Map(variables.map((v, i) => [v.name, i]));
  const lists = new Map(choiceLists.map((l) => [l.name, new Set(l.choices.map((c) => c.name))]));
  const linkedTo = new Map<string, string[]>();
  for (const item of links.items)
    for (const code of item.indicators) {
      if (!byCode.has(item.code)) continue;
      linkedTo.set(code, [...(linkedTo.get(code) ?? []), byCode.get(item.code)!.name]);
    }

  const roles = new Map<CodebookVariable, Map<string, IndicatorRole>>();
  const give = (variable: CodebookVariable, indicator: string, role: IndicatorRole) => {
    const mine = roles.get(variable) ?? new Map<string, IndicatorRole>();
    roles.set(variable, mine);
    // A key question linked to its indicator is its key question, not merely linked.
    if (!mine.has(indicator) || mine.get(indicator) === "linked") mine.set(indicator, role);
  };

  const indicators: CodebookIndicator[] = [];
  for (const info of links.indicators) {
    const c = info.computation;
    const key = c ? byCode.get(c.question) : undefined;
    const universe = c?.denominator.universe ? byCode.get(c.denominator.universe.question) : undefined;
    const linked = linkedTo.get(info.code) ?? [];
    if (!key && !universe && linked.length === 0) continue;
    const linkedVariables = linked
      .filter((n) => n !== key?.name && n !== universe?.name)
      .sort((a, b) => position.get(a)! - position.get(b)!);

    const notes: IndicatorNote[] = [];
    if (!c) notes.push({ kind: "noDefinition" });
    else {
      if (!key) notes.push({ kind: "keyNotAsked", question: c.question });
      if (c.denominator.universe && !universe)
        notes.push({ kind: "universeNotAsked", question: c.denominator.universe.question });
      for (const ref of referencedChoices(c)) {
        const variable = byCode.get(ref.question);
        if (!variable?.bank) continue;
        if (variable.bank.version !== ref.bankVersion)
          notes.push({
            kind: "versionDiffers",
            question: ref.question,
            defined: ref.bankVersion,
            used: variable.bank.version,
          });
        const names = variable.listName ? lists.get(variable.listName) : undefined;
        for (const choice of ref.choices)
          if (!names?.has(choice)) notes.push({ kind: "unknownChoice", variable: variable.name, choice });
      }
    }
    for (const name of linkedVariables) give(variables[position.get(name)!], info.code, "linked");
    if (key) give(key, info.code, "key");
    if (universe) give(universe, info.code, "universe");
    indicators.push({
      code: info.code,
      type: info.type,
      name: info.name,
      definition: info.definition,
      computation: c,
      variable: key?.name ?? null,
      universeVariable: universe?.name ?? null,
      linkedVariables,
      computable: Boolean(c && key && (!c.denominator.universe || universe)),
      notes,
    });
  }
  for (const [variable, mine] of roles)
    variable.indicators = [...mine].map(([indicator, role]) => ({ indicator, role }));

  // In the order a reader meets them in the form: by the first variable that feeds each.
  const first = (i: CodebookIndicator) =>
    Math.min(
      ...[i.variable, i.universeVariable, ...i.linkedVariables]
        .filter((n): n is string => n !== null)
        .map((n) => position.get(n)!),
    );
  return indicators.sort((a, b) => first(a) - first(b) || a.code.localeCompare(b.code));
}
