// Counting a search: exact counts, the sampled estimate (here at a 100 % sample, where it must agree
// with the exact count once rounded), and the cache of counts that a change to the bank invalidates.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { databaseExec, searchQuestions } from "@/lib/search/data";
import { countMatches, roundEstimate } from "@/lib/search/counts";
import { planSearch } from "@/lib/search/query";
import { parseSearchParams, type SearchParams } from "@/lib/search/schema";
import { getDb } from "@/lib/db/client";
import { pickQuestion } from "./translation-helpers";

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.params;
}

describe("counting a search", () => {
  it("estimates from a sample: at 100 % the estimate is the exact count, rounded, and says it is an estimate", async () => {
    const exec = await databaseExec();
    for (const query of [
      "q=vaccine",
      "q=vaccine&type=select_one",
      "indicator=PER-03",
      "q=" + encodeURIComponent("لقاح") + "&lang=ar",
    ]) {
      const plan = planSearch(params(query));
      const exact = await countMatches(exec, plan);
      expect(exact.estimated, query).toBe(false);
      expect(exact.total, query).toBeGreaterThan(2);
      const sampled = await countMatches(exec, plan, {
        sampleAbove: 0,
        sampleRows: Number.MAX_SAFE_INTEGER,
        exactUpTo: 1,
      });
      expect(sampled.estimated, query).toBe(true);
      expect(sampled.total, query).toBe(roundEstimate(exact.total));
      const rounded = exact.facetRows.map((r) => ({ value: r.value, count: roundEstimate(r.count) }));
      expect(
        [...sampled.facetRows].sort((a, b) => a.value.localeCompare(b.value)),
        query,
      ).toEqual(rounded.sort((a, b) => a.value.localeCompare(b.value)));
    }
  });

  it("counts exactly when the sample shows few matches", async () => {
    const exec = await databaseExec();
    const plan = planSearch(params("q=vaccine"));
    const counted = await countMatches(exec, plan, {
      sampleAbove: 0,
      sampleRows: Number.MAX_SAFE_INTEGER,
      exactUpTo: 1_000_000,
    });
    expect(counted).toEqual(await countMatches(exec, plan));
  });

  it("the exact counts agree with the pages: every match is reached by paging", async () => {
    const query = params("q=trust&pageSize=100");
    const first = await searchQuestions(query);
    expect(first.estimated).toBe(false);
    const codes = new Set<string>();
    for (let page = 1; page <= Math.ceil(first.total / 100); page++) {
      for (const item of (await searchQuestions({ ...query, page }, { counts: false })).items) codes.add(item.code);
    }
    expect(codes.size).toBe(first.total);
  });

  describe("cached counts", () => {
    // A word found nowhere and near no other: a fixed nonsense word ("zorblaxquint") was corrected
    // by the search's typo correction to "zorblax", which other test files write into the bank.
    const word = Array.from(randomBytes(12), (b) => "bcdfghjkmnpqrstvwxz"[b % 19]).join("");
    let restore: (() => Promise<void>) | undefined;
    afterAll(async () => restore?.());

    it("are recounted as soon as the bank changes", async () => {
      expect((await searchQuestions(params(`q=${word}&lang=en`))).total).toBe(0);
      expect((await searchQuestions(params(`q=${word}&lang=en`))).total).toBe(0);
      const db = await getDb();
      const question = await pickQuestion();
      const before = await db.questionText.findUniqueOrThrow({
        where: { questionId_lang: { questionId: question.id, lang: "en" } },
        select: { hint: true },
      });
      restore = async () => {
        await db.questionText.update({
          where: { questionId_lang: { questionId: question.id, lang: "en" } },
          data: { hint: before.hint },
        });
      };
      await db.questionText.update({
        where: { questionId_lang: { questionId: question.id, lang: "en" } },
        data: { hint: `Say ${word} if unsure.` },
      });
      const after = await searchQuestions(params(`q=${word}&lang=en`));
      expect(after.total).toBe(1);
      expect(after.items.map((i) => i.code)).toEqual([question.code]);
      await restore();
      restore = undefined;
      expect((await searchQuestions(params(`q=${word}&lang=en`))).total).toBe(0);
    });
  });
});
