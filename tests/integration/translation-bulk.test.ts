// The queue's bulk steps, search and replace, and comment markers, on the real database. A bulk
// step goes through the single-item step for each item: four eyes, blocking checks and a change
// since the page loaded skip the item and name why, the preview says exactly what confirming does
// and writes nothing, and a person without the role is refused the whole request. Search and replace
// applies what it previewed, to the items kept only, as drafts by the translator.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { addTranslationComment, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { runBulkTransition } from "@/lib/translations/bulk-mutations";
import { applyReplace, previewReplace } from "@/lib/translations/replace-mutations";
import { findTranslationQueue } from "@/lib/translations/data";
import { queueFilterSchema } from "@/lib/translations/schema";
import { isTranslationError } from "@/lib/translations/errors";
import { changeSourceLabel, createPerson, textOf } from "./translation-helpers";

let translator: NonNullable<Actor>;
let reviewer: NonNullable<Actor>;
let both: NonNullable<Actor>;
let otherReviewer: NonNullable<Actor>;
let codes: string[];

const refusalCode = (p: Promise<unknown>) =>
  p.then(
    () => "applied",
    (e: unknown) => {
      if (isTranslationError(e)) return e.code;
      throw e;
    },
  );

async function draft(
  actor: NonNullable<Actor>,
  code: string,
  label: string,
  choices: { name: string; label: string }[] = [],
) {
  const text = await textOf(code, "es");
  const db = await getDb();
  const rows = await db.choiceText.findMany({
    where: {
      lang: "es",
      choice: { name: { in: choices.map((c) => c.name) }, list: { questions: { some: { code } } } },
    },
    select: { revision: true, choice: { select: { name: true } } },
  });
  const revisionOf = (name: string) => rows.find((r) => r.choice.name === name)?.revision ?? -1;
  return saveTranslation(actor, {
    code,
    lang: "es",
    label,
    choices: choices.map((c) => ({ ...c, revision: revisionOf(c.name) })),
    revision: text?.revision ?? -1,
    acknowledgeWarnings: true,
  });
}

async function firstChoice(code: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({
    where: { code },
    select: {
      choiceList: { select: { choices: { orderBy: { position: "asc" }, take: 1, select: { id: true, name: true } } } },
    },
  });
  return q.choiceList!.choices[0];
}

async function choiceLabel(choiceId: string) {
  const db = await getDb();
  const row = await db.choiceText.findUnique({
    where: { choiceId_lang: { choiceId, lang: "es" } },
    select: { label: true, pendingLabel: true, pendingStatus: true, revision: true },
  });
  return row;
}

async function queueItem(actor: NonNullable<Actor>, code: string, extra: Record<string, string> = {}) {
  for (let page = 1; page < 200; page++) {
    const queue = await findTranslationQueue({
      lang: "es",
      filter: queueFilterSchema.parse({ ...extra, page: String(page) }),
      actor,
    });
    const item = queue.items.find((i) => i.code === code);
    if (item) return item;
    if (queue.page >= queue.pages) return undefined;
  }
  return undefined;
}

beforeAll(async () => {
  translator = await createPerson("bulk-translator-es", ["translator"], { translate: ["es"] });
  reviewer = await createPerson("bulk-reviewer-es", ["reviewer"], { review: ["es"] });
  otherReviewer = await createPerson("bulk-reviewer2-es", ["reviewer"], { review: ["es"] });
  both = await createPerson("bulk-both-es", ["translator", "reviewer"], { translate: ["es"], review: ["es"] });
  const db = await getDb();
  // A quarter into the bank: the other translation tests take the first, middle and last codes.
  const questions = await db.question.findMany({
    where: {
      status: "published",
      type: "select_one",
      choiceList: { shared: false, questions: { every: { items: { none: {} } } } },
      items: { none: {} },
    },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  const start = Math.floor(questions.length / 4);
  codes = questions.slice(start, start + 8).map((q) => q.code);
  expect(codes).toHaveLength(8);
  // Plain English sources, so that only the checks a test sets up can hold a text.
  for (const [i, code] of codes.entries())
    await changeSourceLabel(code, `Plain English source number ${i + 1}`, { markOutdated: false });
});

afterEach(() => {
  delete process.env.TRANSLATION_BLOCKING_CHECKS;
});

describe("bulk steps in the queue", () => {
  it("submits the drafts, skipping a blocked one, one not a draft and one changed since the page loaded; the preview writes nothing", async () => {
    const [a, b, blocked, inReview] = codes;
    const da = await draft(translator, a, "Primera pregunta en lote.");
    const db_ = await draft(translator, b, "Segunda pregunta en lote.");
    // Saved before the policy made a missing [PLACEHOLDER] blocking (it blocks by default).
    await changeSourceLabel(blocked, "Is [COUNTRY] the third one?", { markOutdated: false });
    process.env.TRANSLATION_BLOCKING_CHECKS = "none";
    const dBlocked = await draft(translator, blocked, "¿Es el tercer país?");
    delete process.env.TRANSLATION_BLOCKING_CHECKS;
    const dReview = await draft(translator, inReview, "Cuarta pregunta, ya en revisión.");
    const submitted = await submitTranslation(translator, { code: inReview, lang: "es", revision: dReview.revision });
    const items = [
      { code: a, revision: da.revision },
      { code: b, revision: db_.revision },
      { code: blocked, revision: dBlocked.revision },
      { code: inReview, revision: submitted.revision },
    ];
    const input = { lang: "es", action: "submit" as const, items };

    const before = await Promise.all(items.map((i) => textOf(i.code, "es")));
    const preview = await runBulkTransition(translator, input, { dryRun: true });
    expect(preview.map((o) => [o.code, o.result, o.reason ?? null])).toEqual([
      [a, "apply", null],
      [b, "apply", null],
      [blocked, "skip", "blocked"],
      [inReview, "skip", "wrongState"],
    ]);
    expect(preview[0].state).toBe("in_review");
    expect(preview[2].problems).toEqual([{ field: "label", code: "missingPlaceholder", detail: "[COUNTRY]" }]);
    expect(preview[3].state).toBe("in_review");
    // Seen at an older revision, the blocked text is reported as changed since the page loaded.
    const stale = await runBulkTransition(
      translator,
      { ...input, items: [{ code: blocked, revision: dBlocked.revision - 1 }] },
      { dryRun: true },
    );
    expect(stale[0]).toMatchObject({ result: "skip", reason: "conflict" });
    expect(await Promise.all(items.map((i) => textOf(i.code, "es")))).toEqual(before);

    // Someone saves the second text after the page loaded: confirming skips it as a conflict.
    await draft(translator, b, "Segunda pregunta, corregida mientras tanto.");
    const applied = await runBulkTransition(translator, input, { dryRun: false });
    expect(applied.map((o) => [o.code, o.result, o.reason ?? null])).toEqual([
      [a, "apply", null],
      [b, "skip", "conflict"],
      [blocked, "skip", "blocked"],
      [inReview, "skip", "wrongState"],
    ]);
    expect((await textOf(a, "es"))!.status).toBe("in_review");
    expect((await textOf(b, "es"))!.status).toBe("draft");
    expect((await textOf(blocked, "es"))!.status).toBe("draft");

    const db = await getDb();
    const audits = await db.auditEvent.findMany({
      where: { actorId: translator.id, action: { in: ["translation.submit", "translation.bulk_submit"] } },
      select: { action: true, entityId: true, after: true },
    });
    expect(audits.filter((e) => e.action === "translation.submit").map((e) => e.entityId)).toContain(`${a}:es`);
    expect(audits.filter((e) => e.action === "translation.submit").map((e) => e.entityId)).not.toContain(`${b}:es`);
    const run = audits.find((e) => e.action === "translation.bulk_submit")!;
    expect(run.after).toMatchObject({
      applied: [a],
      skipped: [{ code: b, reason: "conflict" }, { code: blocked }, { code: inReview }],
    });
  });

  it("approves in bulk, skipping the texts this reviewer edited last (four eyes)", async () => {
    const [a, , , inReview, own] = codes;
    const dOwn = await draft(both, own, "Quinta pregunta, escrita por quien revisa.");
    const sOwn = await submitTranslation(both, { code: own, lang: "es", revision: dOwn.revision });
    const ta = (await textOf(a, "es"))!;
    const tr = (await textOf(inReview, "es"))!;
    const input = {
      lang: "es",
      action: "approve" as const,
      items: [
        { code: a, revision: ta.revision },
        { code: own, revision: sOwn.revision },
        { code: inReview, revision: tr.revision },
      ],
    };
    const preview = await runBulkTransition(both, input, { dryRun: true });
    expect(preview.map((o) => [o.result, o.reason ?? null])).toEqual([
      ["apply", null],
      ["skip", "ownEdit"],
      ["apply", null],
    ]);
    const applied = await runBulkTransition(both, input, { dryRun: false });
    expect(applied).toEqual(preview);
    expect((await textOf(a, "es"))!.status).toBe("approved");
    expect((await textOf(inReview, "es"))!.status).toBe("approved");
    expect((await textOf(own, "es"))!.status).toBe("in_review");
    // Another reviewer approves it.
    const other = await runBulkTransition(otherReviewer, { ...input, items: [input.items[1]] }, { dryRun: false });
    expect(other[0].result).toBe("apply");
    expect((await textOf(own, "es"))!.status).toBe("approved");
  });

  it("refuses the whole request to a person without the role, and a send-back without a comment", async () => {
    const [, b] = codes;
    const tb = (await textOf(b, "es"))!;
    const items = [{ code: b, revision: tb.revision }];
    expect(
      await refusalCode(runBulkTransition(translator, { lang: "es", action: "approve", items }, { dryRun: true })),
    ).toBe("forbidden");
    expect(
      await refusalCode(runBulkTransition(reviewer, { lang: "es", action: "submit", items }, { dryRun: false })),
    ).toBe("forbidden");
    expect(
      await refusalCode(
        runBulkTransition(reviewer, { lang: "fr", action: "return", items, comment: "x" }, { dryRun: false }),
      ),
    ).toBe("forbidden");
    expect(
      await refusalCode(runBulkTransition(reviewer, { lang: "es", action: "return", items }, { dryRun: false })),
    ).toBe("invalidInput");
    expect(await refusalCode(runBulkTransition(null, { lang: "es", action: "submit", items }, { dryRun: true }))).toBe(
      "unauthenticated",
    );
    expect(await textOf(b, "es")).toEqual(tb);
  });

  it("sends back in bulk with the reviewer's comment on each thread", async () => {
    const [, b] = codes;
    const tb = (await textOf(b, "es"))!;
    const s = await submitTranslation(translator, { code: b, lang: "es", revision: tb.revision });
    const out = await runBulkTransition(
      reviewer,
      { lang: "es", action: "return", items: [{ code: b, revision: s.revision }], comment: "Falta el signo final." },
      { dryRun: false },
    );
    expect(out[0]).toMatchObject({ result: "apply", state: "draft" });
    const db = await getDb();
    const comments = await db.translationComment.findMany({
      where: { question: { code: b }, lang: "es", kind: "return" },
      select: { body: true, authorId: true },
    });
    expect(comments).toContainEqual({ body: "Falta el signo final.", authorId: reviewer.id });
  });
});

describe("search and replace", () => {
  it("previews each change, applies exactly it to the items kept, leaves the others and skips a blocked one", async () => {
    const [, , , , , r0, r1, rBlocked] = [...codes];
    const choice = await firstChoice(r1);
    await draft(translator, r0, "Uno {Zorblax} dos.");
    await draft(translator, r1, "Pregunta sin la marca.", [{ name: choice.name, label: "Sí {zorblax}" }]);
    // The English names the placeholder: replacing it drops it, which blocks by default.
    await changeSourceLabel(rBlocked, "Is {Zorblax} at home?", { markOutdated: false });
    await draft(translator, rBlocked, "¿Está {Zorblax} en casa?");

    const options = { lang: "es", find: "{ZORBLAX}", replace: "Zorblax", caseSensitive: false };
    const untouched = await Promise.all([r0, r1, rBlocked].map((c) => textOf(c, "es")));
    const choiceBefore = await choiceLabel(choice.id);
    const preview = await previewReplace(translator, options);
    expect(preview.total).toBe(3);
    expect(preview.limit).toBe(50);
    expect(preview.items.map((i) => i.code)).toEqual([r0, r1, rBlocked]);
    expect(preview.items[0].changes.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: "label", before: "Uno {Zorblax} dos.", after: "Uno Zorblax dos." },
    ]);
    expect(preview.items[0].changes[0].parts.some((p) => p.kind === "removed")).toBe(true);
    expect(preview.items[1].changes.map((c) => [c.field, c.after])).toEqual([[`choice:${choice.name}`, "Sí Zorblax"]]);
    expect(preview.items.map((i) => i.outcome.result)).toEqual(["apply", "apply", "skip"]);
    expect(preview.items[2].outcome).toMatchObject({ reason: "blocked" });
    expect(preview.items[2].outcome.problems!.map((p) => p.code)).toContain("missingPlaceholder");
    // Nothing written by the preview.
    expect(await Promise.all([r0, r1, rBlocked].map((c) => textOf(c, "es")))).toEqual(untouched);
    expect(await choiceLabel(choice.id)).toEqual(choiceBefore);

    // Case-sensitive: "{zorblax}" in the choice label is not "{ZORBLAX}" (nor is anything else).
    expect((await previewReplace(translator, { ...options, caseSensitive: true })).items).toEqual([]);

    // The translator deselects r1 and applies.
    const kept = preview.items
      .filter((i) => i.code !== r1)
      .map(({ code, revision, fingerprint }) => ({ code, revision, fingerprint }));
    const applied = await applyReplace(translator, { ...options, items: kept });
    expect(applied.map((o) => [o.code, o.result, o.reason ?? null])).toEqual([
      [r0, "apply", null],
      [rBlocked, "skip", "blocked"],
    ]);
    const after0 = (await textOf(r0, "es"))!;
    expect(after0.label).toBe(preview.items[0].changes[0].after);
    expect(after0.status).toBe("draft");
    expect(await textOf(r1, "es")).toEqual(untouched[1]);
    expect(await choiceLabel(choice.id)).toEqual(choiceBefore);
    expect(await textOf(rBlocked, "es")).toEqual(untouched[2]);

    const db = await getDb();
    const audit = await db.auditEvent.findFirst({
      where: { action: "translation.replace", entityId: `${r0}:es` },
      select: { actorId: true, after: true },
    });
    expect(audit?.actorId).toBe(translator.id);
    const revision = await db.translationRevision.findFirst({
      where: { question: { code: r0 }, lang: "es", action: "replace" },
      select: { label: true, createdById: true, status: true },
    });
    expect(revision).toEqual({ label: "Uno Zorblax dos.", createdById: translator.id, status: "draft" });
  });

  it("skips an item changed since the preview, and refuses a person who may not translate the language", async () => {
    const [, , , , , , r1] = codes;
    const choice = await firstChoice(r1);
    const options = { lang: "es", find: "{zorblax}", replace: "Zorblax", caseSensitive: true };
    const preview = await previewReplace(translator, options);
    const item = preview.items.find((i) => i.code === r1)!;
    expect(item.changes.map((c) => c.after)).toEqual(["Sí Zorblax"]);
    // Someone edits the choice label after the preview (the question text's revision moves too).
    await draft(translator, r1, "Pregunta sin la marca.", [{ name: choice.name, label: "Sí {zorblax} otra vez" }]);
    const out = await applyReplace(translator, {
      ...options,
      items: [{ code: item.code, revision: item.revision, fingerprint: item.fingerprint }],
    });
    expect(out[0]).toMatchObject({ result: "skip", reason: "conflict" });
    const now = (await choiceLabel(choice.id))!;
    expect(now.pendingLabel ?? now.label).toBe("Sí {zorblax} otra vez");

    expect(await refusalCode(previewReplace(reviewer, options))).toBe("forbidden");
    expect(
      await refusalCode(
        applyReplace(reviewer, {
          ...options,
          items: [{ code: item.code, revision: item.revision, fingerprint: item.fingerprint }],
        }),
      ),
    ).toBe("forbidden");
  });
});

describe("comment markers in the queue", () => {
  it("counts an item's comments and those new since this person's last reply; the filter keeps commented items", async () => {
    const code = codes[3];
    const quiet = codes[4];
    const comment = (actor: NonNullable<Actor>, body: string) =>
      addTranslationComment(actor, { code, lang: "es", body });
    await comment(reviewer, "¿Por qué «hogar» y no «vivienda»?");
    await comment(translator, "Es el término del glosario.");
    await comment(reviewer, "De acuerdo, gracias.");
    const forTranslator = await queueItem(translator, code);
    const db = await getDb();
    const count = await db.translationComment.count({ where: { question: { code }, lang: "es" } });
    expect(forTranslator!.comments).toEqual({ count, newSinceYourReply: 1 });
    // Someone who never wrote in the thread: every comment is new to them.
    expect((await queueItem(otherReviewer, code))!.comments).toEqual({ count, newSinceYourReply: count });
    expect((await queueItem(reviewer, code))!.comments.newSinceYourReply).toBe(0);

    expect(await queueItem(translator, code, { comments: "with" })).toBeDefined();
    const quietCount = await db.translationComment.count({ where: { question: { code: quiet }, lang: "es" } });
    expect(quietCount).toBe(0);
    expect((await queueItem(translator, quiet))!.comments).toEqual({ count: 0, newSinceYourReply: 0 });
    expect(await queueItem(translator, quiet, { comments: "with" })).toBeUndefined();
  });
});
