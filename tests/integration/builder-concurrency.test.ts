// Many people (or tabs) changing one questionnaire at the same moment: every change is either
// applied or refused as stale, none is lost or half-applied, and retrying on the fresh revision
// brings every one of them in. On PostgreSQL the changes really run side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { BuilderError } from "@/lib/builder/errors";
import { personOf } from "./person-helpers";

const CODES = [
  "bkg_age",
  "bkg_gender",
  "bkg_area_type",
  "bkg_education",
  "bkg_household_size",
  "bkg_occupation",
  "bkg_phone",
  "bkg_wg_seeing",
  "inf_source_main",
  "inf_last_info",
  "per_vac_intent",
  "per_vac_want",
];
let researcher: Person;
let id = "";

beforeAll(async () => {
  researcher = await personOf("researcher@demo.questionbank.org");
  id = (
    await createQuestionnaire({
      actor: researcher,
      settings: { title: { en: "bld_t concurrency" }, description: {}, languages: ["en"], defaultLanguage: "en" },
    })
  ).id;
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id } });
});

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "applied" as const,
    (e: unknown) => {
      if (e instanceof BuilderError && e.code === "conflict") return "refused" as const;
      throw e;
    },
  );

describe("simultaneous edits of one questionnaire", () => {
  it("applies exactly one of many changes made on the same revision and refuses the others, losing nothing", async () => {
    const start = (await findBuilderQuestionnaire(id))!.revision;
    const results = await Promise.all(
      CODES.map((code) =>
        outcome(
          applyBuilderChange({
            actor: researcher,
            change: { op: "addQuestions", questionnaireId: id, revision: start, codes: [code] },
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === "applied")).toHaveLength(1);
    expect(results.filter((r) => r === "refused")).toHaveLength(CODES.length - 1);
    const q = (await findBuilderQuestionnaire(id))!;
    expect(q.revision).toBe(start + 1);
    // The one applied change is there whole; nothing of the refused ones is.
    const added = q.sections.flatMap((s) => s.items.map((i) => i.code));
    expect(added).toEqual([CODES[results.indexOf("applied")]]);
  });

  it("brings every change in when each retries on the fresh revision: one revision per change, none lost", async () => {
    const before = (await findBuilderQuestionnaire(id))!;
    const present = new Set(before.sections.flatMap((s) => s.items.map((i) => i.code)));
    const remaining = CODES.filter((c) => !present.has(c));
    let refusals = 0;
    const addWithRetry = async (code: string) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const revision = (await findBuilderQuestionnaire(id))!.revision;
        const result = await outcome(
          applyBuilderChange({
            actor: researcher,
            change: { op: "addQuestions", questionnaireId: id, revision, codes: [code] },
          }),
        );
        if (result === "applied") return attempt;
        refusals++;
      }
      throw new Error(`${code} never applied`);
    };
    await Promise.all(remaining.map(addWithRetry));
    const after = (await findBuilderQuestionnaire(id))!;
    expect(after.revision).toBe(before.revision + remaining.length);
    const codes = after.sections.flatMap((s) => s.items.map((i) => i.code));
    expect([...codes].sort()).toEqual([...CODES].sort());
    expect(new Set(after.sections.flatMap((s) => s.items.map((i) => i.id))).size).toBe(CODES.length);
    // Positions stay dense: no two items share a place even though the adds raced.
    expect(after.sections[0].items.map((_, i) => i)).toEqual([...Array(CODES.length).keys()]);
    const db = await getDb();
    const positions = (
      await db.questionnaireItem.findMany({
        where: { questionnaireId: id },
        orderBy: { position: "asc" },
        select: { position: true },
      })
    ).map((p) => p.position);
    expect(positions).toEqual([...Array(CODES.length).keys()]);
    // One audit event per applied change.
    expect(await db.auditEvent.count({ where: { entityId: id, action: "questionnaire.addQuestions" } })).toBe(
      CODES.length,
    );
    expect(refusals).toBeGreaterThanOrEqual(0);
  });
});
