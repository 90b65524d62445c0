// BeSD items must stay comparable with WHO's Behavioural and Social Drivers of vaccination
// surveys: BeSD's wording, its four-point scales (Not at all / A little / Moderately / Very) and
// its cut-off (the top two answers), and the besd-priority tag on the five priority indicators.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";

let bank: SeedBank;
beforeAll(async () => {
  bank = await loadSeedBank();
});
const question = (code: string) => {
  const q = bank.questions.find((x) => x.code === code);
  if (!q) throw new Error(`${code} is missing from the bank`);
  return q;
};
const list = (name: string) => [...bank.sharedLists, ...bank.localLists].find((l) => l.name === name)!;
const NON_RESPONSE = ["dont_know", "refused"];

/** The five BeSD priority indicators (same in the COVID-19 and childhood tools) and their bank items. */
const PRIORITY: Record<string, { indicator: string; list: string }> = {
  per_vac_importance: { indicator: "PER-04", list: "besd_important" },
  soc_family_want_vaccine: { indicator: "SOC-01", list: "yes_no_dk_ref" },
  per_vac_want: { indicator: "PER-03", list: "besd_want" },
  str_vacc_know_where: { indicator: "STR-01", list: "yes_no_dk_ref" },
  str_vacc_pay_ease: { indicator: "STR-02", list: "besd_easy" },
  per_vac_child_importance: { indicator: "PER-04", list: "besd_important" },
  soc_family_want_child_vacc: { indicator: "SOC-01", list: "yes_no_dk_ref" },
  per_vac_child_want: { indicator: "PER-03", list: "besd_child_want" },
  str_child_vacc_know_where: { indicator: "STR-01", list: "yes_no_dk_ref" },
  str_child_vacc_pay_ease: { indicator: "STR-02", list: "besd_easy" },
};

describe("BeSD items", () => {
  it("the five priority items exist, carry the besd-priority tag, cite BeSD and measure their indicator", () => {
    for (const [code, expected] of Object.entries(PRIORITY)) {
      const q = question(code);
      expect(q.tags, code).toContain("besd-priority");
      expect(q.source.key, code).toBe("who-besd-2022");
      expect(q.indicators, code).toContain(expected.indicator);
      expect(q.choiceList, code).toBe(expected.list);
    }
    const tagged = bank.questions
      .filter((q) => q.tags.includes("besd-priority"))
      .map((q) => q.code)
      .sort();
    expect(tagged).toEqual(Object.keys(PRIORITY).sort());
  });

  it("BeSD four-point scales run Not at all, A little, Moderately, Very, then only the non-response choices", () => {
    for (const [name, adjective] of [
      ["besd_important", " important"],
      ["besd_safe", " safe"],
      ["besd_easy", " easy"],
      ["besd_trust", ""],
    ] as const) {
      const choices = list(name).choices;
      expect(
        choices.map((c) => c.name),
        name,
      ).toEqual(["not_at_all", "a_little", "moderately", "very", ...NON_RESPONSE]);
      const top = name === "besd_trust" ? "Very much" : `Very${adjective}`;
      expect(choices.map((c) => c.label.en).slice(0, 4), name).toEqual([
        `Not at all${adjective}`,
        `A little${adjective}`,
        `Moderately${adjective}`,
        top,
      ]);
    }
    expect(list("besd_want").choices.map((c) => c.name)).toEqual([
      "yes",
      "no",
      "not_sure",
      "already_vaccinated",
      "refused",
    ]);
    expect(list("besd_child_want").choices.map((c) => c.name)).toEqual(["none", "some", "all", ...NON_RESPONSE]);
  });

  it("every question that cites BeSD and uses a rating scale uses a BeSD scale, never the bank's own ease/degree/trust scales", () => {
    const rating = new Set(["ease4", "degree4", "trust4", "agree5", "likelihood4"]);
    const offenders = bank.questions
      .filter((q) => q.source.key === "who-besd-2022" && rating.has(q.choiceList ?? ""))
      .map((q) => `${q.code} uses ${q.choiceList}`);
    expect(offenders).toEqual([]);
  });

  it("notes of scaled BeSD items state BeSD's cut-off: the top two answers", () => {
    for (const q of bank.questions.filter(
      (x) => x.choiceList?.startsWith("besd_") && !x.choiceList.endsWith("_want"),
    )) {
      const top = list(q.choiceList!)
        .choices.slice(2, 4)
        .map((c) => c.label.en);
      for (const label of top) expect(q.notes?.en, `${q.code} notes should name "${label}"`).toContain(label);
    }
  });

  it("framework definitions of the BeSD indicators use BeSD's cut-offs and cite BeSD", () => {
    const indicators = bank.framework.domains.flatMap((d) => d.topics.flatMap((t) => t.indicators));
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    expect(byCode.get("STR-02")!.definition.en).toMatch(/moderately or very easy to pay/i);
    expect(byCode.get("PER-04")!.definition.en).toMatch(/moderately or very important/i);
    expect(byCode.get("PER-05")!.definition.en).toMatch(/moderately or very safe/i);
    for (const code of ["PER-03", "PER-04", "PER-05", "SOC-01", "SOC-03", "STR-01", "STR-02"])
      expect(byCode.get(code)!.references, code).toContain("who-besd-2022");
  });
});
