import { describe, expect, it } from "vitest";
import { findFrameworkTree, findIndicator } from "@/lib/framework/data";
import { findBankSummary, findQuestionByCode, findQuestionsOfIndicator } from "@/lib/bank/data";
import { LANGUAGES } from "@/lib/i18n/languages";
import { getDb } from "@/lib/db/client";

describe("framework and bank reads on the seeded database", () => {
  it("returns the whole framework tree in order, with question counts", async () => {
    const tree = await findFrameworkTree();
    expect(tree.map((d) => d.code)).toEqual(["INF", "KNW", "PER", "PRA", "SOC", "STR"]);
    const indicators = tree.flatMap((d) => d.topics.flatMap((t) => t.indicators));
    expect(indicators).toHaveLength(35);
    for (const i of indicators.filter((i) => i.type === "behavioural")) {
      expect(i.publishedQuestions, i.code).toBeGreaterThanOrEqual(2);
    }
    for (const lang of LANGUAGES) expect(tree[0].name[lang]).toBeTruthy();
  });

  it("finds an indicator with its place in the tree, and none for an unknown code", async () => {
    const indicator = await findIndicator("PER-03");
    expect(indicator?.domain.code).toBe("PER");
    expect(indicator?.type).toBe("behavioural");
    expect(await findIndicator("XXX-99")).toBeNull();
  });

  it("lists an indicator's questions and shows one question in all four languages with its choices", async () => {
    const questions = await findQuestionsOfIndicator("PER-03");
    expect(questions.length).toBeGreaterThanOrEqual(2);
    const select = (await Promise.all(questions.map((q) => findQuestionByCode(q.code)))).find(
      (q) => q && q.choices.length > 0,
    );
    expect(select).toBeTruthy();
    for (const lang of LANGUAGES) {
      expect(select!.texts[lang]?.label, lang).toBeTruthy();
      expect(select!.texts[lang]?.status).toBe("approved");
      expect(select!.choices[0].labels[lang], lang).toBeTruthy();
    }
    expect(select!.indicators.map((i) => i.code)).toContain("PER-03");
    expect(select!.source?.title).toBeTruthy();
    expect(await findQuestionByCode("no_such_question")).toBeNull();
  });

  it("summarises the bank per domain and per language", async () => {
    const summary = await findBankSummary();
    expect(summary.publishedQuestions).toBeGreaterThanOrEqual(150);
    expect(summary.byDomain).toHaveLength(6);
    for (const d of summary.byDomain) expect(d.questions, d.code).toBeGreaterThan(0);
    // Other test files translate and retranslate seeded questions, so count independently rather than assume 100 %.
    const db = await getDb();
    for (const c of summary.coverage) {
      expect(c.total, c.lang).toBe(summary.publishedQuestions);
      const approved = await db.questionText.count({
        where: { lang: c.lang, status: "approved", question: { status: "published" } },
      });
      expect(c.approved, c.lang).toBe(approved);
      expect(c.approved / c.total, c.lang).toBeGreaterThan(0.9);
    }
    expect(summary.templates).toBeGreaterThanOrEqual(2);
  });
});
