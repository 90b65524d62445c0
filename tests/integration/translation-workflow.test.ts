import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import {
  addTranslationComment,
  approveTranslation,
  restoreTranslationRevision,
  returnTranslation,
  saveTranslation,
  submitTranslation,
} from "@/lib/translations/mutations";
import { findTranslationItem } from "@/lib/translations/item-data";
import { findLanguageDashboard, findNextInQueue, findTranslationQueue } from "@/lib/translations/data";
import { queueFilterSchema } from "@/lib/translations/schema";
import { isTranslationError, TranslationError } from "@/lib/translations/errors";
import { changeSourceLabel, createPerson, pickQuestion, textOf } from "./translation-helpers";

let translator: NonNullable<Actor>;
let reviewer: NonNullable<Actor>;
let secondReviewer: NonNullable<Actor>;
let frTranslator: NonNullable<Actor>;
let researcher: NonNullable<Actor>;

async function refusal(p: Promise<unknown>): Promise<TranslationError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isTranslationError(error)) throw new Error(`expected a TranslationError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  translator = await createPerson("wf-translator-ar", ["translator"], { translate: ["ar"] });
  reviewer = await createPerson("wf-reviewer-ar", ["reviewer"], { review: ["ar"] });
  secondReviewer = await createPerson("wf-reviewer2-ar", ["reviewer"], { review: ["ar"] });
  frTranslator = await createPerson("wf-translator-fr", ["translator"], { translate: ["fr"] });
  researcher = await createPerson("wf-researcher", ["researcher"]);
});

describe("translation workflow", () => {
  it("takes an Arabic text from draft through review, a sent-back round, to approval, with history and audit", async () => {
    const q = await pickQuestion();
    const before = await textOf(q.code, "ar");
    const choices = q.choiceList!.choices.map((c, i) => ({ name: c.name, label: `خيار ${i + 1}`, revision: 0 }));

    // A first save: the checks' warnings (the source's numbers, say) must be confirmed.
    const draft = {
      code: q.code,
      lang: "ar",
      label: "سؤال مترجم (مسودة)",
      hint: null,
      choices,
      revision: before!.revision,
    };
    const saved = await saveTranslation(translator, { ...draft, acknowledgeWarnings: true });
    expect(saved).toEqual({ revision: before!.revision + 1, state: "draft" });

    // Only reviewers approve, only translators of the language edit, nobody approves a draft.
    expect(
      (await refusal(approveTranslation(translator, { code: q.code, lang: "ar", revision: saved.revision }))).code,
    ).toBe("forbidden");
    expect(
      (await refusal(saveTranslation(frTranslator, { ...draft, revision: saved.revision, acknowledgeWarnings: true })))
        .code,
    ).toBe("forbidden");
    expect(
      (await refusal(saveTranslation(researcher, { ...draft, revision: saved.revision, acknowledgeWarnings: true })))
        .code,
    ).toBe("forbidden");
    expect((await refusal(saveTranslation(null, { ...draft, revision: saved.revision }))).code).toBe("unauthenticated");
    expect(
      (await refusal(approveTranslation(reviewer, { code: q.code, lang: "ar", revision: saved.revision }))).code,
    ).toBe("wrongStatus");

    const submitted = await submitTranslation(translator, { code: q.code, lang: "ar", revision: saved.revision });
    expect(submitted.state).toBe("in_review");
    // Sending back needs a comment.
    expect(
      (
        await refusal(
          returnTranslation(reviewer, { code: q.code, lang: "ar", revision: submitted.revision, comment: "  " }),
        )
      ).code,
    ).toBe("invalidInput");
    const returned = await returnTranslation(reviewer, {
      code: q.code,
      lang: "ar",
      revision: submitted.revision,
      comment: "الصياغة غير واضحة",
    });
    expect(returned.state).toBe("draft");

    const fixed = await saveTranslation(translator, {
      ...draft,
      label: "سؤال مترجم ومصحح",
      revision: returned.revision,
      acknowledgeWarnings: true,
    });
    const resubmitted = await submitTranslation(translator, { code: q.code, lang: "ar", revision: fixed.revision });
    // A reviewer may edit before approving: the text stays in review, and (four eyes) another
    // reviewer approves it.
    const edited = await saveTranslation(reviewer, {
      ...draft,
      label: "سؤال مترجم ومراجَع",
      revision: resubmitted.revision,
      acknowledgeWarnings: true,
    });
    expect(edited.state).toBe("in_review");
    expect(
      (await refusal(approveTranslation(reviewer, { code: q.code, lang: "ar", revision: edited.revision }))).code,
    ).toBe("ownEdit");
    const approved = await approveTranslation(secondReviewer, { code: q.code, lang: "ar", revision: edited.revision });
    expect(approved.state).toBe("approved");
    await addTranslationComment(reviewer, { code: q.code, lang: "ar", body: "موافق عليه بعد التعديل" });

    const text = await textOf(q.code, "ar");
    expect(text).toMatchObject({ label: "سؤال مترجم ومراجَع", status: "approved", revision: approved.revision });
    const item = await findTranslationItem({ code: q.code, lang: "ar" });
    expect(item!.state).toBe("approved");
    expect(item!.choices.map((c) => c.target)).toEqual(choices.map((c) => c.label));
    expect(item!.choices.every((c) => c.status === "approved")).toBe(true);
    expect(item!.comments.map((c) => [c.kind, c.body, c.author])).toEqual([
      ["return", "الصياغة غير واضحة", "wf reviewer ar"],
      ["comment", "موافق عليه بعد التعديل", "wf reviewer ar"],
    ]);
    // The oldest entry is the seeded approved text (prisma/seed.ts keeps it as a revision).
    expect(item!.history.map((h) => h.action)).toEqual([
      "approve",
      "save",
      "submit",
      "save",
      "return",
      "submit",
      "save",
      "seed",
    ]);
    // The translator's fix, against the version before it, word by word.
    const fix = item!.history[3].changes.find((c) => c.field === "label")!;
    const joined = (kind: string) =>
      fix.parts
        .filter((p) => p.kind === kind)
        .map((p) => p.text)
        .join("");
    expect(joined("removed")).toContain("مسودة");
    expect(joined("added")).toBe("ومصحح");
    expect(joined("same")).toContain("سؤال مترجم");

    const db = await getDb();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "translation", entityId: `${q.code}:ar` },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "translation.save",
      "translation.submit",
      "translation.return",
      "translation.save",
      "translation.submit",
      "translation.save",
      "translation.approve",
      "translation.comment",
    ]);
  });

  it("warns (and refuses until confirmed) when a number, reference or placeholder is lost", async () => {
    const q = await pickQuestion({ skip: [(await pickQuestion()).code] });
    const text = await textOf(q.code, "ar");
    const error = await refusal(
      saveTranslation(translator, { code: q.code, lang: "ar", label: "", revision: text!.revision }),
    );
    expect(error.code).toBe("invalidInput");
    const db = await getDb();
    const en = await db.questionText.findFirstOrThrow({
      where: { question: { code: q.code }, lang: "en" },
      select: { label: true },
    });
    const same = await refusal(
      saveTranslation(translator, { code: q.code, lang: "ar", label: en.label, revision: text!.revision }),
    );
    expect(same.code).toBe("warnings");
    expect(same.details!.warnings!.map((w) => w.code)).toContain("sameAsSource");
    expect((await textOf(q.code, "ar"))!.revision).toBe(text!.revision);
  });

  it("marks a translation outdated when the English source changes, shows the change, and a save brings it current", async () => {
    const q = await pickQuestion({ shared: true });
    const db = await getDb();
    const en = await db.questionText.findFirstOrThrow({
      where: { question: { code: q.code }, lang: "en" },
      select: { label: true },
    });
    await changeSourceLabel(q.code, `${en.label} (in the last 7 days)`);
    const item = await findTranslationItem({ code: q.code, lang: "ar" });
    expect(item!.state).toBe("outdated");
    expect(item!.choiceList!.shared).toBe(true);
    expect(item!.choiceList!.otherQuestions).toBeGreaterThan(0);
    const label = item!.sourceChange!.fields.find((f) => f.field === "label")!;
    expect(
      label.parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("last 7 days");
    expect(label.parts.some((p) => p.kind === "removed")).toBe(false);

    const queue = await findTranslationQueue({ lang: "ar", filter: queueFilterSchema.parse({}), actor: translator });
    expect(queue.items[0]).toMatchObject({ code: q.code, state: "outdated" });
    const dashboard = await findLanguageDashboard({ lang: "ar", actor: translator });
    expect(dashboard.counts.outdated).toBeGreaterThanOrEqual(1);
    expect(dashboard.counts.total).toBe(Object.values({ ...dashboard.counts, total: 0 }).reduce((a, b) => a + b, 0));

    // A number of the new source is missing from the old translation: the check says so.
    const missing = await refusal(
      saveTranslation(translator, {
        code: q.code,
        lang: "ar",
        label: item!.target!.label,
        revision: item!.target!.revision,
      }),
    );
    expect(missing.details!.warnings).toContainEqual({ field: "label", code: "missingNumber", detail: "7" });
    const saved = await saveTranslation(translator, {
      code: q.code,
      lang: "ar",
      label: `${item!.target!.label} (خلال ٧ أيام)`,
      revision: item!.target!.revision,
    });
    expect(saved.state).toBe("draft");
    const after = await findTranslationItem({ code: q.code, lang: "ar" });
    expect(after!.state).toBe("draft");
    expect(after!.sourceChange).toBeNull();
    expect((await textOf(q.code, "ar"))!.sourceVersion).toBe(q.version + 1);
  });

  it("counts a text behind the source as outdated even when its writer did not mark it", async () => {
    const q = await pickQuestion({
      skip: [(await pickQuestion()).code, (await pickQuestion({ skip: [(await pickQuestion()).code] })).code],
      approvedIn: "fr",
    });
    await changeSourceLabel(q.code, "A reworded source question?", { markOutdated: false });
    expect((await textOf(q.code, "fr"))!.status).toBe("approved");
    const item = await findTranslationItem({ code: q.code, lang: "fr" });
    expect(item!.state).toBe("outdated");
    expect(item!.sourceChange!.fields[0].field).toBe("label");
  });

  it("restores an earlier version as a new draft", async () => {
    const q = await pickQuestion();
    const item = await findTranslationItem({ code: q.code, lang: "ar" });
    const firstDraft = item!.history.filter((h) => h.action !== "seed").at(-1)!;
    const restored = await restoreTranslationRevision(translator, {
      code: q.code,
      lang: "ar",
      revision: item!.target!.revision,
      revisionId: firstDraft.id,
    });
    expect(restored.state).toBe("draft");
    expect((await textOf(q.code, "ar"))!.label).toBe("سؤال مترجم (مسودة)");
    const again = await findTranslationItem({ code: q.code, lang: "ar" });
    expect(again!.history[0].action).toBe("restore");
  });

  it("offers the next item that needs work after a save", async () => {
    const filter = queueFilterSchema.parse({ domain: "PER" });
    const queue = await findTranslationQueue({ lang: "es", filter, actor: translator });
    expect(queue.total).toBeGreaterThan(1);
    const first = queue.items[0].code;
    // Nothing in Spanish needs work in the seeded bank, but other test files (sharing this
    // database, in an order vitest chooses) may leave some PER texts outdated or in draft: the
    // item offered, if any, is another one and needs work.
    const next = await findNextInQueue({ lang: "es", filter, actor: translator, after: first });
    if (next !== null) {
      expect(next).not.toBe(first);
      expect((await textOf(next, "es"))?.status ?? "missing").not.toBe("approved");
    }
    const approvedFilter = queueFilterSchema.parse({ domain: "PER", status: "approved" });
    expect(await findNextInQueue({ lang: "es", filter: approvedFilter, actor: translator, after: first })).toBe(
      queue.items[1].code,
    );
  });
});
