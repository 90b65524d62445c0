// An indicator whose question sits inside a repeat: its answers, one per repeat instance, are in
// another table of the export (a sheet of its own in KoboToolbox's XLSX), which is not read. The
// plan names it with its repeat, and the results say so instead of "the file has no column";
// an indicator whose question is asked outside the repeat too is computed as before.
import { describe, expect, it } from "vitest";
import type { Codebook } from "@/lib/codebook/model";
import type { IndicatorComputation } from "@/lib/framework/schema";
import { planFromCodebook } from "@/lib/results/plan";
import { parseSubmissionsCsv } from "@/lib/results/read-file";
import { sourceOfTable } from "@/lib/results/submissions";
import { resultsOfDataset } from "@/lib/results/view";

function computation(question: string, universe?: string): IndicatorComputation {
  return {
    kind: "proportion",
    bankVersion: 1,
    question,
    numerator: ["yes"],
    denominator: {
      ...(universe ? { universe: { question: universe, bankVersion: 1, choices: ["yes"] } } : {}),
      dontKnow: { choices: [], treatment: "include" },
      refused: { choices: [], treatment: "exclude" },
      skipped: "exclude",
    },
  } as IndicatorComputation;
}

const variable = (name: string, code: string, repeat: string | null) => ({
  name,
  groups: repeat ? [repeat] : [],
  column: repeat ? `${repeat}/${name}` : name,
  kind: "question" as const,
  type: "select_one yn",
  listName: "yn",
  repeat,
  bank: { code, version: 1 },
});

const codebook = {
  variables: [
    variable("consent", "consent_given", null),
    variable("child_sick", "child_fever", "children"),
    variable("child_vacc", "child_vaccinated", "children"),
    // Asked in the main table and in a repeat: the main table's column serves.
    variable("trusts", "trusts_radio", null),
    variable("member_trusts", "trusts_radio", "members"),
  ],
  choiceLists: [{ name: "yn", choices: [{ name: "yes" }, { name: "no" }] }],
  indicators: [
    { code: "CH-01", computable: true, computation: computation("child_fever") },
    { code: "CH-02", computable: true, computation: computation("consent_given", "child_vaccinated") },
    { code: "AD-01", computable: true, computation: computation("consent_given") },
    { code: "SOC-01", computable: true, computation: computation("trusts_radio") },
  ],
} as unknown as Codebook;

describe("indicators whose question is inside a repeat", () => {
  it("are named in the plan with their question and repeat", () => {
    const plan = planFromCodebook(codebook);
    expect(plan.inRepeat).toEqual([
      { code: "CH-01", question: "child_fever", repeat: "children" },
      { code: "CH-02", question: "child_vaccinated", repeat: "children" },
    ]);
    expect(plan.variables.map((v) => v.name)).toEqual(["consent", "trusts"]);
  });

  it("are said to be in the repeat, not without a column, and the others are computed", () => {
    const plan = planFromCodebook(codebook);
    const source = sourceOfTable(parseSubmissionsCsv("consent;trusts;_index\r\nyes;no;1\r\nno;yes;2\r\nyes;yes;3\r\n"));
    const results = resultsOfDataset({ source }, plan, {});
    expect(results.indicators.map((i) => i.code)).toEqual(["AD-01", "SOC-01"]);
    expect(results.indicators[0].results[0].estimate).toBeCloseTo(2 / 3, 12);
    expect(results.notComputable).toEqual([]);
    expect(results.inRepeat.map((r) => `${r.code}:${r.repeat}`)).toEqual(["CH-01:children", "CH-02:children"]);
    // A file without the main table's column says "no column" for that one, as before.
    const without = resultsOfDataset({ source: sourceOfTable(parseSubmissionsCsv("consent\r\nyes\r\n")) }, plan, {});
    expect(without.notComputable).toEqual([{ code: "SOC-01", question: "trusts_radio" }]);
    expect(without.inRepeat).toHaveLength(2);
  });
});
