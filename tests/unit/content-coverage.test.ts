// Breadth and method of the bank's content: enough questions per behavioural indicator, more
// than COVID-19, practice items for the hazards responders meet, and one documented convention
// for "don't know" and "prefer not to answer" across the bank.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";

let bank: SeedBank;
beforeAll(async () => {
  bank = await loadSeedBank();
});
const lists = () => new Map([...bank.sharedLists, ...bank.localLists].map((l) => [l.name, l]));

/** Documented in prisma/seed/FORMAT.md: numbers take these codes, selects take these choices. */
const DONT_KNOW_CODE = 9998;
const REFUSED_CODE = 9999;
const NON_RESPONSE_CHOICES = new Set(["dont_know", "refused"]);

describe("seed coverage", () => {
  it("holds at least 300 questions and at least 3 for every behavioural indicator", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(300);
    const behavioural = bank.framework.domains
      .flatMap((d) => d.topics.flatMap((t) => t.indicators))
      .filter((i) => i.type === "behavioural");
    const thin = behavioural
      .map((i) => ({ code: i.code, n: bank.questions.filter((q) => q.indicators.includes(i.code)).length }))
      .filter((x) => x.n < 3);
    expect(thin).toEqual([]);
  });

  it("is not a COVID-19 bank: at most a fifth of the English labels name COVID-19", () => {
    const covid = bank.questions.filter((q) => /COVID/i.test(q.label.en)).length;
    expect(covid / bank.questions.length).toBeLessThanOrEqual(0.2);
  });

  it("has practice items for cholera, Ebola, mpox and measles, each linked to an indicator", () => {
    for (const hazard of ["cholera", "ebola", "mpox", "measles"]) {
      const practices = bank.questions.filter((q) => q.tags.includes(hazard) && q.code.startsWith("pra_"));
      expect(practices.length, hazard).toBeGreaterThanOrEqual(3);
      for (const q of practices) expect(q.indicators.length, q.code).toBeGreaterThan(0);
    }
    for (const needed of [
      "safe-burials",
      "oral-rehydration",
      "water",
      "isolation",
      "contact-tracing",
      "testing",
      "psea",
      "mental-health",
      "livelihoods",
      "displacement",
      "pandemic-fatigue",
      "service-satisfaction",
      "religious-leaders",
      "public-health-measures",
    ])
      expect(
        bank.questions.some((q) => q.tags.includes(needed)),
        needed,
      ).toBe(true);
  });

  it("only background questions lack an indicator", () => {
    expect(
      bank.questions.filter((q) => q.indicators.length === 0 && !q.code.startsWith("bkg_")).map((q) => q.code),
    ).toEqual([]);
  });

  it("every number question accepts the bank's don't-know and refused codes, and no other code", () => {
    const numbers = bank.questions.filter((q) => q.type === "integer" || q.type === "decimal");
    expect(numbers.length).toBeGreaterThan(0);
    for (const q of numbers) {
      const match = q.constraint?.match(/^\(\. >= ([\d.]+) and \. <= ([\d.]+)\) or \. = (\d+) or \. = (\d+)$/);
      expect(match, `${q.code}: ${q.constraint}`).not.toBeNull();
      const [, , max, dk, refused] = match!;
      expect([Number(dk), Number(refused)], q.code).toEqual([DONT_KNOW_CODE, REFUSED_CODE]);
      expect(Number(max), `${q.code}: valid range must stay below the codes`).toBeLessThan(DONT_KNOW_CODE);
      for (const lang of ["en", "es", "fr", "ar"] as const) {
        expect(q.hint?.[lang], `${q.code} hint (${lang})`).toContain(String(DONT_KNOW_CODE));
        expect(q.constraintMessage?.[lang], `${q.code} message (${lang})`).toContain(String(REFUSED_CODE));
      }
      const otherCodes = (q.hint?.en ?? "").match(/\b9{2,3}\b/g);
      expect(otherCodes, `${q.code} mentions an old code`).toBeNull();
    }
  });

  it("select lists put don't-know and refused last, with the bank's names and labels", () => {
    for (const list of lists().values()) {
      const names = list.choices.map((c) => c.name);
      const firstNonResponse = names.findIndex((n) => NON_RESPONSE_CHOICES.has(n));
      if (firstNonResponse === -1) continue;
      expect(
        names.slice(firstNonResponse).every((n) => NON_RESPONSE_CHOICES.has(n)),
        list.name,
      ).toBe(true);
      for (const c of list.choices.filter((x) => x.name === "refused"))
        expect(c.label.en, list.name).toBe("Prefer not to answer");
    }
  });

  it("answer categories of the how-many and travel-time scales do not overlap", () => {
    expect(
      lists()
        .get("soc_how_many")!
        .choices.map((c) => c.label.en)
        .slice(0, 5),
    ).toEqual([
      "All or almost all",
      "Most, but not almost all",
      "About half",
      "Some, but fewer than half",
      "None or almost none",
    ]);
    const travel = lists()
      .get("str_travel_time")!
      .choices.map((c) => c.label.en);
    expect(travel).toContain("1 hour to less than 2 hours");
    expect(travel).toContain("2 hours or more");
  });

  it("single-answer questions do not mix messengers (who) with channels (how)", () => {
    const messengers = new Set([
      "health_workers",
      "religious_leaders",
      "community_leaders",
      "family_friends",
      "government",
    ]);
    const channels = new Set(["radio", "television", "sms", "social_media"]);
    for (const q of bank.questions.filter((x) => x.type === "select_one" && x.choiceList)) {
      const names = lists()
        .get(q.choiceList!)!
        .choices.map((c) => c.name);
      const mixed = names.some((n) => messengers.has(n)) && names.some((n) => channels.has(n));
      expect(mixed, `${q.code} (${q.choiceList}) mixes messengers and channels`).toBe(false);
    }
  });

  it("community-engagement trust has reverse-worded statements beside the positive ones", () => {
    const ce = bank.questions.filter((q) => q.indicators.includes("SOC-05") && q.choiceList === "agree5");
    expect(ce.filter((q) => q.tags.includes("reverse-worded")).length).toBeGreaterThanOrEqual(2);
    expect(ce.filter((q) => !q.tags.includes("reverse-worded")).length).toBeGreaterThanOrEqual(2);
  });
});
