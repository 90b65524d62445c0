// The results core: the Wilson interval against published worked examples, Kish's effective size,
// column matching in KoboToolbox's and ODK Central's layouts, and every seeded indicator computed
// from seeded synthetic submissions equal to a count made independently here.
import { describe, expect, it } from "vitest";
import seeded from "../../prisma/seed/indicator-computations.json";
import { indicatorComputationSchema, type IndicatorComputation } from "@/lib/framework/schema";
import { kishEffectiveSize, wilsonInterval } from "@/lib/results/interval";
import { matchColumns } from "@/lib/results/columns";
import { computeResults, ResultsInputError } from "@/lib/results/submissions";
import { generateSubmissions, writeSubmissionsCsv, type SyntheticVariable } from "@/lib/results/synthetic";

describe("Wilson score interval", () => {
  // Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Stat Med 17:857–872,
  // Table I, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i: %f to %f", (x, n, lower, upper) => {
    const ci = wilsonInterval(x / n, n)!;
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it("has no interval without respondents", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("Kish effective sample size", () => {
  it("is n for equal weights and (Σw)²/Σw² otherwise", () => {
    expect(kishEffectiveSize([2, 2, 2, 2])).toBe(4);
    expect(kishEffectiveSize([1, 2, 3])).toBeCloseTo(36 / 14, 12);
  });
});

describe("column matching", () => {
  const variables = [
    { name: "per_vac_intent", groups: ["vaccination"] },
    { name: "inf_sources_all", groups: ["info", "sources"] },
    { name: "bkg_age", groups: [] },
  ];
  it.each([
    [
      "KoboToolbox, /",
      [
        "start",
        "vaccination/per_vac_intent",
        "info/sources/inf_sources_all",
        "info/sources/inf_sources_all/radio",
        "bkg_age",
        "_uuid",
      ],
    ],
    ["KoboToolbox, .", ["start", "vaccination.per_vac_intent", "info.sources.inf_sources_all", "bkg_age", "_uuid"]],
    ["ODK Central", ["SubmissionDate", "vaccination-per_vac_intent", "info-sources-inf_sources_all", "bkg_age", "KEY"]],
  ])("%s", (_layout, headers) => {
    const m = matchColumns(headers, variables);
    expect(m.missing).toEqual([]);
    expect(m.columns.get("per_vac_intent")).toBe(1);
    expect(m.columns.get("inf_sources_all")).toBe(2);
    expect(m.unmatched).toEqual([headers[0], headers[headers.length - 1]]);
  });
  it("reports variables it cannot find", () => {
    expect(matchColumns(["x/y"], variables).missing).toEqual(["per_vac_intent", "inf_sources_all", "bkg_age"]);
  });
});

describe("indicators from synthetic submissions", () => {
  const definitions = Object.fromEntries(
    Object.entries(seeded).map(([code, d]) => [code, indicatorComputationSchema.parse(d)]),
  ) as Record<string, IndicatorComputation>;
  const willing = {
    definitely_yes: 30,
    probably_yes: 20,
    probably_not: 15,
    definitely_not: 10,
    dont_know: 10,
    refused: 5,
    "": 10,
  };
  const yesNo = { yes: 45, no: 35, dont_know: 8, refused: 4, "": 8 };
  const variables: SyntheticVariable[] = [
    { name: "per_vac_intent", code: "per_vac_intent", groups: ["vaccination"], frequencies: willing },
    { name: "pra_vac_received", code: "pra_vac_received", groups: ["vaccination"], frequencies: yesNo },
    { name: "pra_vac_tried", code: "pra_vac_tried", groups: ["vaccination", "access"], frequencies: yesNo },
    {
      name: "per_vac_importance",
      code: "per_vac_importance",
      groups: [],
      frequencies: { not_at_all: 10, a_little: 20, moderately: 30, very: 25, dont_know: 10, refused: 5 },
    },
  ];
  const data = generateSubmissions(variables, { rows: 2000, seed: 16 });
  const used = ["PER-03", "PRA-04", "PRA-05", "PER-04"];

  /** The count written out from the definitions' meaning, without lib/results. */
  function expected(code: string, region?: string, weighted = false) {
    const d = definitions[code];
    const col = variables.findIndex((v) => v.code === d.question);
    const ucol = d.denominator.universe ? variables.findIndex((v) => v.code === d.denominator.universe!.question) : -1;
    let n = 0;
    let num = 0;
    let sw = 0;
    let swIn = 0;
    let sw2 = 0;
    data.answers.forEach((row, i) => {
      if (region && data.regions[i] !== region) return;
      if (ucol >= 0 && !d.denominator.universe!.choices.includes(row[ucol])) return;
      const a = row[col];
      if (a === "") return;
      if (d.denominator.refused.choices.includes(a) && d.denominator.refused.treatment === "exclude") return;
      if (d.denominator.dontKnow.choices.includes(a) && d.denominator.dontKnow.treatment === "exclude") return;
      const w = weighted ? data.weights[i] : 1;
      n++;
      sw += w;
      sw2 += w * w;
      if (d.numerator.includes(a)) {
        num++;
        swIn += w;
      }
    });
    return { n, count: num, estimate: swIn / sw, effectiveN: (sw * sw) / sw2 };
  }

  it.each(["kobo", "kobo-dot", "odk-central"] as const)(
    "in the %s layout, unweighted and by region with weights",
    (layout) => {
      const csv = writeSubmissionsCsv(data, variables, layout);
      const picked = Object.fromEntries(used.map((c) => [c, definitions[c]]));
      const plain = computeResults({ csv, variables, definitions: picked });
      expect(plain.rows).toBe(2000);
      expect(plain.missingVariables).toEqual([]);
      expect(plain.unmatchedColumns).toHaveLength(4); // start/SubmissionDate, weight, region, _uuid/KEY
      expect(plain.indicators.map((i) => i.code).sort()).toEqual([...used].sort());
      for (const { code, results } of plain.indicators) {
        const e = expected(code);
        expect(results).toHaveLength(1);
        expect(results[0].n, code).toBe(e.n);
        expect(results[0].count, code).toBe(e.count);
        expect(results[0].estimate!, code).toBeCloseTo(e.estimate, 12);
        const ci = wilsonInterval(e.count / e.n, e.n)!;
        expect(results[0].interval!.lower).toBeCloseTo(ci.lower, 12);
      }
      const grouped = computeResults({
        csv,
        variables,
        definitions: picked,
        weightColumn: "weight",
        groupColumn: "region",
      });
      expect(grouped.unmatchedColumns).toHaveLength(2);
      for (const { code, results } of grouped.indicators) {
        expect(results.map((r) => r.group)).toEqual(["north", "south"]);
        for (const r of results) {
          const e = expected(code, r.group!, true);
          expect(r.n, `${code} ${r.group}`).toBe(e.n);
          expect(r.estimate!, `${code} ${r.group}`).toBeCloseTo(e.estimate, 12);
          expect(r.effectiveN).toBeCloseTo(e.effectiveN, 9);
          expect(r.effectiveN).toBeLessThan(r.n);
        }
      }
    },
  );

  it("says which indicators the file cannot compute, and refuses empty files and duplicated columns", () => {
    const csv = writeSubmissionsCsv(data, variables, "kobo");
    const out = computeResults({ csv, variables, definitions: { "SOC-01": definitions["SOC-01"] } });
    expect(out.notComputable).toEqual([{ code: "SOC-01", question: "soc_family_want_vaccine" }]);
    expect(() => computeResults({ csv: "", variables, definitions })).toThrow(ResultsInputError);
    expect(() => computeResults({ csv: "a;a\n1;2\n", variables, definitions })).toThrow(/duplicateColumn/);
    expect(() => computeResults({ csv, variables, definitions, weightColumn: "wt" })).toThrow(/unknownWeightColumn/);
  });
});
