// Four eyes: the approver of a text is never its last editor. One person who holds both the
// translator and the reviewer role could once save, submit and approve their own translation;
// now the approval is refused with a message in their language, a second reviewer approves it,
// and the review queue marks the texts this reviewer edited last. The rule covers the label and
// hint (one row) and each answer choice label that moves with the text.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { approveTranslation, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { findTranslationQueue } from "@/lib/translations/data";
import { queueFilterSchema } from "@/lib/translations/schema";
import { isTranslationError } from "@/lib/translations/errors";
import { LANGUAGES } from "@/lib/i18n/languages";
import { createPerson, pickQuestion, textOf } from "./translation-helpers";

let both: NonNullable<Actor>;
let reviewer: NonNullable<Actor>;
let translator: NonNullable<Actor>;

const refusalCode = (p: Promise<unknown>) =>
  p.then(
    () => "applied",
    (e: unknown) => {
      if (isTranslationError(e)) return e.code;
      throw e;
    },
  );

beforeAll(async () => {
  both = await createPerson("fe-translator-reviewer-es", ["translator", "reviewer"], {
    translate: ["es"],
    review: ["es"],
  });
  reviewer = await createPerson("fe-reviewer-es", ["reviewer"], { review: ["es"] });
  translator = await createPerson("fe-translator-es", ["translator"], { translate: ["es"] });
});

async function queueItem(actor: NonNullable<Actor>, code: string) {
  const db = await getDb();
  const indicator = await db.questionIndicator.findFirst({
    where: { question: { code } },
    select: { indicator: { select: { code: true } } },
  });
  const filter = queueFilterSchema.parse({
    status: "in_review",
    ...(indicator ? { indicator: indicator.indicator.code } : {}),
  });
  const queue = await findTranslationQueue({ lang: "es", filter, actor });
  const item = queue.items.find((i) => i.code === code);
  expect(item, `${code} in the queue`).toBeDefined();
  return item!;
}

describe("four eyes on translations", () => {
  it("refuses the approval to the person who saved and submitted the text; a second reviewer approves it", async () => {
    const q = await pickQuestion({ skip: ["___"] });
    const text = await textOf(q.code, "es");
    const saved = await saveTranslation(both, {
      code: q.code,
      lang: "es",
      label: "Pregunta traducida por una sola persona",
      hint: "Una pista",
      revision: text?.revision ?? -1,
      acknowledgeWarnings: true,
    });
    const submitted = await submitTranslation(both, { code: q.code, lang: "es", revision: saved.revision });
    expect(submitted.state).toBe("in_review");

    expect(
      await refusalCode(approveTranslation(both, { code: q.code, lang: "es", revision: submitted.revision })),
    ).toBe("ownEdit");
    expect((await textOf(q.code, "es"))!.status).toBe("in_review");

    // The queue marks it for the person who edited it last, not for the other reviewer nor a translator.
    expect((await queueItem(both, q.code)).editedByYou).toBe(true);
    expect((await queueItem(reviewer, q.code)).editedByYou).toBe(false);
    expect((await queueItem(translator, q.code)).editedByYou).toBe(false);

    const approved = await approveTranslation(reviewer, { code: q.code, lang: "es", revision: submitted.revision });
    expect(approved.state).toBe("approved");
    const db = await getDb();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "translation", entityId: `${q.code}:es`, action: "translation.approve" },
      select: { actorId: true },
    });
    expect(audit.map((a) => a.actorId)).toEqual([reviewer.id]);
  });

  it("refuses a reviewer who corrected the text in review, and lets a reviewer who did not approve it", async () => {
    const q = await pickQuestion({ skip: [(await pickQuestion()).code] });
    const text = await textOf(q.code, "es");
    const saved = await saveTranslation(translator, {
      code: q.code,
      lang: "es",
      label: "Primera versión",
      revision: text?.revision ?? -1,
      acknowledgeWarnings: true,
    });
    const submitted = await submitTranslation(translator, { code: q.code, lang: "es", revision: saved.revision });
    // `both` corrects it as a reviewer: it stays in review, and they are now its last editor.
    const corrected = await saveTranslation(both, {
      code: q.code,
      lang: "es",
      label: "Versión corregida por el revisor",
      revision: submitted.revision,
      acknowledgeWarnings: true,
    });
    expect(corrected.state).toBe("in_review");
    expect(
      await refusalCode(approveTranslation(both, { code: q.code, lang: "es", revision: corrected.revision })),
    ).toBe("ownEdit");
    expect((await approveTranslation(reviewer, { code: q.code, lang: "es", revision: corrected.revision })).state).toBe(
      "approved",
    );
  });

  it("counts the last editor of an answer choice label that moves with the text", async () => {
    // Two questions sharing one list: a choice label edited (in review) through the first moves
    // with the second's approval, so its editor may not approve the second either.
    const db = await getDb();
    const lists = await db.choiceList.findMany({
      where: { shared: true, questions: { some: { status: "published", items: { none: {} } } } },
      select: {
        id: true,
        questions: {
          // Labels written below carry no ${name} or [[hazard]] of the English: none in it.
          where: {
            status: "published",
            items: { none: {} },
            texts: { none: { lang: "en", OR: [{ label: { contains: "${" } }, { label: { contains: "[[" } }] } },
          },
          orderBy: { code: "asc" },
          select: { code: true },
        },
        choices: {
          orderBy: { position: "asc" },
          select: { name: true, texts: { where: { lang: "es" }, select: { revision: true } } },
        },
      },
    });
    const list = lists.find((l) => l.questions.length >= 2 && l.choices.length > 0)!;
    expect(list, "a shared list used by two questions").toBeDefined();
    const [first, second] = list.questions.map((x) => x.code);
    const choice = list.choices[0];

    // The first question: a translator's draft, submitted; `both` corrects one choice label in review.
    const t1 = await textOf(first, "es");
    const s1 = await saveTranslation(translator, {
      code: first,
      lang: "es",
      label: "Primera pregunta",
      revision: t1?.revision ?? -1,
      acknowledgeWarnings: true,
    });
    const r1 = await submitTranslation(translator, { code: first, lang: "es", revision: s1.revision });
    await saveTranslation(both, {
      code: first,
      lang: "es",
      label: "Primera pregunta",
      choices: [
        { name: choice.name, label: "Opción corregida por el revisor", revision: choice.texts[0]?.revision ?? -1 },
      ],
      revision: r1.revision,
      acknowledgeWarnings: true,
    });

    // The second question: only the translator edited its text.
    const t2 = await textOf(second, "es");
    const s2 = await saveTranslation(translator, {
      code: second,
      lang: "es",
      label: "Segunda pregunta",
      revision: t2?.revision ?? -1,
      acknowledgeWarnings: true,
    });
    const r2 = await submitTranslation(translator, { code: second, lang: "es", revision: s2.revision });
    expect(await refusalCode(approveTranslation(both, { code: second, lang: "es", revision: r2.revision }))).toBe(
      "ownEdit",
    );
    expect((await queueItem(both, second)).editedByYou).toBe(true);
    expect((await approveTranslation(reviewer, { code: second, lang: "es", revision: r2.revision })).state).toBe(
      "approved",
    );
  });

  it("says so in every interface language", async () => {
    const seen = new Set<string>();
    for (const lang of LANGUAGES) {
      const messages = JSON.parse(await readFile(path.join(process.cwd(), "messages", `${lang}.json`), "utf8"));
      for (const text of [
        messages.translate.failures.ownEdit,
        messages.translate.workflow.ownEdit,
        messages.translate.queue.editedByYou,
      ]) {
        expect(typeof text, lang).toBe("string");
        expect(text.length, lang).toBeGreaterThan(10);
      }
      seen.add(messages.translate.failures.ownEdit);
    }
    expect(seen.size).toBe(LANGUAGES.length);
  });
});
