// Many people saving the same translation at once: every write is either applied or refused with
// a conflict that carries the saved version; none is lost silently. On PostgreSQL (TEST_DATABASE_URL)
// the saves really run side by side on separate connections.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { saveTranslation } from "@/lib/translations/mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { createPerson, pickQuestion, textOf } from "./translation-helpers";

const N = 12;
let people: NonNullable<Actor>[];

beforeAll(async () => {
  people = await Promise.all(
    Array.from({ length: N }, (_, i) => createPerson(`cc-translator-${i}`, ["translator"], { translate: ["fr"] })),
  );
});

async function revisionsOf(questionId: string) {
  const db = await getDb();
  return db.translationRevision.findMany({
    where: { questionId, lang: "fr" },
    select: { label: true, revision: true },
  });
}

describe("simultaneous saves of one translation", () => {
  it("applies exactly one of many saves made from the same revision and refuses the rest with the saved version", async () => {
    const q = await pickQuestion();
    const start = (await textOf(q.code, "fr"))!;
    const before = (await revisionsOf(q.id)).length;
    const results = await Promise.allSettled(
      people.map((actor, i) =>
        saveTranslation(actor, {
          code: q.code,
          lang: "fr",
          label: `Version ${i} de la question ?`,
          revision: start.revision,
          acknowledgeWarnings: true,
        }),
      ),
    );
    const applied = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(N - 1);
    for (const error of refused) {
      expect(isTranslationError(error) && error.code).toBe("conflict");
      // The refusal shows what is saved now, so the person can compare and keep their own text.
      expect(error.details.current).toMatchObject({
        label: `Version ${applied[0]} de la question ?`,
        revision: start.revision + 1,
      });
    }
    expect(await textOf(q.code, "fr")).toMatchObject({
      label: `Version ${applied[0]} de la question ?`,
      revision: start.revision + 1,
    });
    expect((await revisionsOf(q.id)).length).toBe(before + 1);
  });

  it("loses nothing when each refused person retries on the saved version", async () => {
    const q = await pickQuestion();
    const before = (await revisionsOf(q.id)).length;
    const start = (await textOf(q.code, "fr"))!;
    const save = async (actor: NonNullable<Actor>, i: number) => {
      let revision = start.revision;
      for (let attempt = 0; attempt < N * 3; attempt++) {
        try {
          return await saveTranslation(actor, {
            code: q.code,
            lang: "fr",
            label: `Retry ${i} de la question ?`,
            revision,
            acknowledgeWarnings: true,
          });
        } catch (error) {
          if (!isTranslationError(error) || error.code !== "conflict") throw error;
          revision = error.details!.current!.revision;
        }
      }
      throw new Error("gave up");
    };
    const results = await Promise.all(people.map(save));
    expect(new Set(results.map((r) => r.revision)).size).toBe(N);
    expect((await textOf(q.code, "fr"))!.revision).toBe(start.revision + N);
    const labels = (await revisionsOf(q.id)).map((r) => r.label);
    expect(labels.length).toBe(before + N);
    for (let i = 0; i < N; i++) expect(labels).toContain(`Retry ${i} de la question ?`);
  });

  it("creates a first translation once when many create it at the same time", async () => {
    const q = await pickQuestion({ skip: [(await pickQuestion()).code] });
    const db = await getDb();
    await db.questionText.deleteMany({ where: { questionId: q.id, lang: "fr" } });
    const results = await Promise.allSettled(
      people.map((actor, i) =>
        saveTranslation(actor, {
          code: q.code,
          lang: "fr",
          label: `Première ${i} version ?`,
          revision: -1,
          acknowledgeWarnings: true,
        }),
      ),
    );
    const applied = results.filter((r) => r.status === "fulfilled");
    expect(applied).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(isTranslationError(reason) && reason.code, String(reason)).toBe("conflict");
    }
    expect((await textOf(q.code, "fr"))!.revision).toBe(0);
  });
});
