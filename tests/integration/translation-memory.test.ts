import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findMemoryMatches } from "@/lib/translations/memory-data";

// A known set, in words no seeded question uses: what is approved and current is offered, ranked
// by similarity of the English; a draft, an outdated text and weak matches are not.
const QUERY = "How many zorblax tablets did the child take yesterday?";
const SET: { en: string; fr: string; status: "approved" | "draft"; outdated?: boolean }[] = [
  { en: "How many zorblax tablets did the child take yesterday?", fr: "exact", status: "approved" },
  { en: "How many zorblax tablets did the child take today?", fr: "close", status: "approved" },
  { en: "How many zorblax pills did the youngest child take yesterday?", fr: "looser", status: "approved" },
  { en: "How many zorblax tablets did the child take yesterday??", fr: "draft", status: "draft" },
  { en: "How many zorblax tablets did the child take yesterday!", fr: "outdated", status: "approved", outdated: true },
  { en: "Was the house sprayed against zorblax mosquitoes?", fr: "weak", status: "approved" },
];
let codes: string[];

beforeAll(async () => {
  const db = await getDb();
  const picked = await db.question.findMany({
    where: { status: "published", items: { none: {} } },
    orderBy: { code: "desc" },
    skip: 10,
    take: SET.length + 1,
    select: { id: true, code: true, version: true },
  });
  codes = picked.map((q) => q.code);
  for (const [i, s] of SET.entries()) {
    const q = picked[i];
    await db.questionText.update({
      where: { questionId_lang: { questionId: q.id, lang: "en" } },
      data: { label: s.en },
    });
    const fields = {
      label: s.fr,
      status: s.status,
      sourceVersion: s.outdated ? q.version - 1 : q.version,
      pendingLabel: null,
      pendingStatus: null,
    };
    await db.questionText.upsert({
      where: { questionId_lang: { questionId: q.id, lang: "fr" } },
      create: { questionId: q.id, lang: "fr", ...fields },
      update: fields,
    });
  }
});

describe("translation memory", () => {
  it("ranks approved, current texts of the same language by similarity of their English, score ≥ 0.5", async () => {
    const matches = await findMemoryMatches({ lang: "fr", text: QUERY, excludeCode: codes[SET.length] });
    expect(matches.map((m) => m.target)).toEqual(["exact", "close", "looser"]);
    expect(matches.map((m) => m.code)).toEqual(codes.slice(0, 3));
    expect(matches[0]).toMatchObject({ source: SET[0].en, score: 1 });
    expect(matches[1].score).toBeGreaterThan(matches[2].score);
    expect(matches[2].score).toBeGreaterThanOrEqual(0.5);
  });

  it("leaves out the text being translated, other language pairs, and empty input", async () => {
    const own = await findMemoryMatches({ lang: "fr", text: QUERY, excludeCode: codes[0] });
    expect(own.map((m) => m.target)).toEqual(["close", "looser"]);
    // Spanish: the same questions' approved Spanish, never the French above.
    const spanish = await findMemoryMatches({ lang: "es", text: QUERY });
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish.some((m) => SET.some((s) => s.fr === m.target))).toBe(false);
    expect(await findMemoryMatches({ lang: "fr", text: "  " })).toEqual([]);
  });
});
