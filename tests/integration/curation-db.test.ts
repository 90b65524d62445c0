// Curation on a real database: versions, outdated translations, stale saves, drafts merged and
// rejected, shared lists, the framework. Everything here works on its own questions (code prefix
// cur_t_), list and indicators, and removes them afterwards: the seeded bank stays as it was for
// the other test files that share this database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion, retireQuestion, restoreQuestion } from "@/lib/curation/question-status-mutations";
import { mergeDraft, rejectDraft } from "@/lib/curation/review-mutations";
import { createChoiceList, updateChoiceList } from "@/lib/curation/choice-list-mutations";
import {
  deleteIndicator,
  mergeIndicator,
  saveIndicator,
  setIndicatorRetired,
} from "@/lib/curation/framework-mutations";
import { checkCode, findCurationQuestions, findDraftQueue, findQuestionForEditing } from "@/lib/curation/data";
import {
  findChangeImpact,
  findOutdatedItems,
  findQuestionVersions,
  findVersionDiff,
} from "@/lib/curation/version-data";
import { findLikelyDuplicates } from "@/lib/curation/duplicate-data";
import { findSharedChoiceList } from "@/lib/curation/choice-list-data";
import { CurationError } from "@/lib/curation/errors";
import type { QuestionInputRaw } from "@/lib/curation/schema";
import { person } from "./person-helpers";

const curator = person("cur-test-curator", ["curator"]);
const admin = person("cur-test-admin", ["admin"]);
const researcher = person("cur-test-researcher", ["researcher"]);
const LIST = "cur_t_agree3";
const TRANSLATIONS = {
  es: { label: "¿Confía usted en los trabajadores de salud?" },
  fr: { label: "Faites-vous confiance aux agents de santé ?" },
  ar: { label: "هل تثق في العاملين الصحيين؟" },
};

const baseInput = (code: string, over: Partial<QuestionInputRaw> = {}): QuestionInputRaw => ({
  code,
  type: "select_one",
  label: "Do you trust health workers in your community?",
  choiceMode: "shared",
  sharedList: LIST,
  indicators: ["PER-03"],
  tags: ["trust"],
  ...over,
});

async function expectFailure(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CurationError);
  expect((error as CurationError).code).toBe(code);
  return error as CurationError;
}

async function revisionOf(code: string) {
  return (await findQuestionForEditing(code))!.revision;
}

async function addToNewQuestionnaire(questionCode: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({ where: { code: questionCode }, select: { id: true, version: true } });
  const questionnaire = await db.questionnaire.create({
    data: {
      title: { en: "cur_t questionnaire" },
      description: {},
      languages: ["en"],
      defaultLanguage: "en",
      sections: { create: { name: "main", title: { en: "Main" }, position: 0 } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  await db.questionnaireItem.create({
    data: {
      questionnaireId: questionnaire.id,
      sectionId: questionnaire.sections[0].id,
      questionId: q.id,
      questionVersion: q.version,
      name: questionCode,
      position: 0,
    },
  });
  return questionnaire.id;
}

async function auditActions(code: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return (
    await db.auditEvent.findMany({
      where: { entityId: q.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    })
  ).map((e) => e.action);
}

beforeAll(async () => {
  await createChoiceList({
    actor: curator,
    input: {
      name: LIST,
      choices: [
        { name: "agree", label: "Agree" },
        { name: "neutral", label: "Neither" },
        { name: "disagree", label: "Disagree" },
      ],
    },
  });
  const db = await getDb();
  // Translated like question text: the list's other languages, approved for version 1.
  const choices = await db.choice.findMany({ where: { list: { name: LIST } }, select: { id: true, name: true } });
  for (const c of choices)
    await db.choiceText.create({
      data: { choiceId: c.id, lang: "fr", label: `fr:${c.name}`, status: "approved", sourceVersion: 1 },
    });
});

afterAll(async () => {
  const db = await getDb();
  const questions = await db.question.findMany({ where: { code: { startsWith: "cur_t_" } }, select: { id: true } });
  const ids = questions.map((q) => q.id);
  await db.questionnaire.deleteMany({ where: { items: { some: { questionId: { in: ids } } } } });
  await db.questionnaire.deleteMany({ where: { title: { equals: { en: "cur_t questionnaire" } } } });
  await db.question.deleteMany({ where: { id: { in: ids } } });
  await db.choiceList.deleteMany({ where: { name: { startsWith: "cur_t_" } } });
  await db.questionIndicator.deleteMany({ where: { indicator: { code: { in: ["PER-91", "PER-92"] } } } });
  await db.indicator.deleteMany({ where: { code: { in: ["PER-91", "PER-92"] } } });
});

describe("questions: create, publish, version", () => {
  it("creates a draft with a shared list, publishes version 1, then a wording change publishes version 2 and outdates translations", async () => {
    const created = await createQuestion({
      actor: curator,
      input: baseInput("cur_t_trust", { constraintMessage: null }),
      translations: TRANSLATIONS,
    });
    expect(created.code).toBe("cur_t_trust");
    let form = await findQuestionForEditing("cur_t_trust");
    expect(form).toMatchObject({
      status: "draft",
      version: 1,
      choiceMode: "shared",
      sharedList: LIST,
      indicators: ["PER-03"],
      tags: ["trust"],
    });
    expect(form!.translations.map((t) => t.status).sort()).toEqual(["draft", "draft", "draft"]);

    await publishQuestion({ actor: curator, code: "cur_t_trust", revision: form!.revision });
    form = await findQuestionForEditing("cur_t_trust");
    expect(form!.status).toBe("published");
    expect(form!.translations.every((t) => t.sourceVersion === 1)).toBe(true);
    expect((await findQuestionVersions("cur_t_trust")).map((v) => v.version)).toEqual([1]);

    // A questionnaire takes version 1; the impact of a change names it and counts the translations.
    const questionnaireId = await addToNewQuestionnaire("cur_t_trust");
    const impact = await findChangeImpact("cur_t_trust");
    expect(impact!.translations).toHaveLength(3);
    expect(impact!.questionnaires.map((q) => q.id)).toEqual([questionnaireId]);
    expect(await findOutdatedItems(questionnaireId)).toEqual([]);

    const result = await updateQuestion({
      actor: curator,
      code: "cur_t_trust",
      revision: form!.revision,
      input: baseInput("cur_t_trust", { label: "How much do you trust health workers in your community?" }),
    });
    expect(result).toMatchObject({ version: 2, newVersion: true, outdatedTranslations: 3 });
    form = await findQuestionForEditing("cur_t_trust");
    expect(form!.translations.map((t) => t.status)).toEqual(["outdated", "outdated", "outdated"]);

    // Both versions stay readable, with a word-level difference between them.
    const diff = await findVersionDiff("cur_t_trust", 1, 2);
    expect(diff!.from.texts.en?.label).toBe("Do you trust health workers in your community?");
    const label = diff!.fields.find((f) => f.field === "label" && f.lang === "en")!;
    expect(label.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["How much do"]);
    expect(label.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["Do"]);

    // The questionnaire that took version 1 learns that version 2 exists.
    expect(await findOutdatedItems(questionnaireId)).toEqual([
      expect.objectContaining({ questionCode: "cur_t_trust", itemVersion: 1, bankVersion: 2, retired: false }),
    ]);
    expect(await auditActions("cur_t_trust")).toEqual([
      "question.create",
      "question.publish",
      "question.publishVersion",
    ]);
  });

  it("a change that leaves the source text alone keeps translations current, and an unchanged save makes no version", async () => {
    await createQuestion({
      actor: curator,
      input: baseInput("cur_t_tags", { label: "Would you accept a visit from a vaccinator at home?" }),
      translations: TRANSLATIONS,
    });
    await publishQuestion({ actor: curator, code: "cur_t_tags", revision: await revisionOf("cur_t_tags") });
    const tagsOnly = await updateQuestion({
      actor: curator,
      code: "cur_t_tags",
      revision: await revisionOf("cur_t_tags"),
      input: baseInput("cur_t_tags", {
        label: "Would you accept a visit from a vaccinator at home?",
        tags: ["trust", "vaccination"],
      }),
    });
    expect(tagsOnly).toMatchObject({ version: 2, newVersion: true, outdatedTranslations: 0 });
    const form = await findQuestionForEditing("cur_t_tags");
    expect(form!.translations.map((t) => [t.status, t.sourceVersion])).toEqual([
      ["draft", 2],
      ["draft", 2],
      ["draft", 2],
    ]);
    const same = await updateQuestion({
      actor: curator,
      code: "cur_t_tags",
      revision: form!.revision,
      input: { ...baseInput("cur_t_tags", { label: form!.label, tags: form!.tags }), notes: "Researcher note only" },
    });
    expect(same).toMatchObject({ version: 2, newVersion: false });
  });

  it("refuses a stale save, shows what is saved now, and loses nothing", async () => {
    await createQuestion({
      actor: curator,
      input: baseInput("cur_t_race", {
        label: "Where do you get information about outbreaks?",
        choiceMode: "own",
        sharedList: null,
        ownChoices: [
          { name: "radio", label: "Radio" },
          { name: "tv", label: "Television" },
        ],
      }),
    });
    const startedAt = await revisionOf("cur_t_race");
    await updateQuestion({
      actor: curator,
      code: "cur_t_race",
      revision: startedAt,
      input: baseInput("cur_t_race", {
        label: "First curator's wording",
        choiceMode: "own",
        sharedList: null,
        ownChoices: [
          { name: "radio", label: "Radio" },
          { name: "tv", label: "TV" },
        ],
      }),
    });
    const error = await expectFailure(
      updateQuestion({
        actor: curator,
        code: "cur_t_race",
        revision: startedAt,
        input: baseInput("cur_t_race", {
          label: "Second curator's wording",
          choiceMode: "own",
          sharedList: null,
          ownChoices: [
            { name: "radio", label: "Radio" },
            { name: "tv", label: "Telly" },
          ],
        }),
      }),
      "conflict",
    );
    const current = error.details!.current as { label: string; ownChoices: { label: string }[]; revision: number };
    expect(current.label).toBe("First curator's wording");
    expect(current.ownChoices.map((c) => c.label)).toEqual(["Radio", "TV"]);
    const saved = await findQuestionForEditing("cur_t_race");
    expect(saved!.label).toBe("First curator's wording");
    // Saving again from what is saved now goes through.
    await updateQuestion({
      actor: curator,
      code: "cur_t_race",
      revision: current.revision,
      input: baseInput("cur_t_race", {
        label: "Second curator's wording",
        choiceMode: "own",
        sharedList: null,
        ownChoices: [
          { name: "radio", label: "Radio" },
          { name: "tv", label: "Telly" },
        ],
      }),
    });
    expect((await findQuestionForEditing("cur_t_race"))!.ownChoices.map((c) => c.label)).toEqual(["Radio", "Telly"]);
  });

  it("validates input and roles on the server", async () => {
    await expect(createQuestion({ actor: curator, input: baseInput("Bad Code") })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createQuestion({ actor: curator, input: baseInput("cur_t_x", { type: "integer" }) }),
    ).rejects.toBeInstanceOf(ZodError);
    await expectFailure(createQuestion({ actor: researcher, input: baseInput("cur_t_forbidden") }), "forbidden");
    await expectFailure(createQuestion({ actor: null, input: baseInput("cur_t_forbidden") }), "forbidden");
    await expectFailure(createQuestion({ actor: curator, input: baseInput("cur_t_trust") }), "codeTaken");
    await expectFailure(
      createQuestion({ actor: curator, input: baseInput("cur_t_unknown", { indicators: ["XXX-99"] }) }),
      "unknownIndicator",
    );
    expect(await checkCode("cur_t_trust")).toBe("taken");
    expect(await checkCode("meta")).toBe("invalid");
    expect(await checkCode("cur_t_free")).toBe("ok");
  });

  it("retires a question out of the default list and restores it", async () => {
    await retireQuestion({ actor: curator, code: "cur_t_tags", revision: await revisionOf("cur_t_tags") });
    expect((await findCurationQuestions({ query: "cur_t_tags" })).rows).toEqual([]);
    expect((await findCurationQuestions({ query: "cur_t_tags", includeRetired: true })).rows[0]).toMatchObject({
      status: "retired",
    });
    await expectFailure(
      updateQuestion({
        actor: curator,
        code: "cur_t_tags",
        revision: await revisionOf("cur_t_tags"),
        input: baseInput("cur_t_tags"),
      }),
      "wrongStatus",
    );
    await restoreQuestion({ actor: curator, code: "cur_t_tags", revision: await revisionOf("cur_t_tags") });
    expect((await findQuestionForEditing("cur_t_tags"))!.status).toBe("published");
  });

  it("shows likely duplicates of the same indicator, whatever the language", async () => {
    const english = await findLikelyDuplicates({
      label: "How much do you trust the health workers in your community",
      indicators: ["PER-03"],
    });
    expect(english[0]).toMatchObject({ code: "cur_t_trust", sameIndicator: true });
    const french = await findLikelyDuplicates({
      label: "Faites-vous confiance aux agents de santé",
      indicators: ["PER-03"],
      excludeCode: "cur_t_tags",
    });
    expect(french.map((d) => d.code)).toContain("cur_t_trust");
    expect(
      await findLikelyDuplicates({ label: "Completely unrelated wording about bicycles", indicators: ["PER-03"] }),
    ).toEqual([]);
  });
});

describe("review of drafts", () => {
  it("merges an imported draft into a bank question: questionnaires follow", async () => {
    // As the XLSForm importer does: a draft in four languages, already used by a questionnaire.
    await createQuestion({
      actor: curator,
      input: baseInput("cur_t_imported", { label: "Do you trust health workers?", indicators: [] }),
      translations: TRANSLATIONS,
    });
    const questionnaireId = await addToNewQuestionnaire("cur_t_imported");
    expect((await findDraftQueue()).find((d) => d.code === "cur_t_imported")).toMatchObject({ questionnaires: 1 });
    await expectFailure(
      mergeDraft({
        actor: curator,
        code: "cur_t_imported",
        revision: await revisionOf("cur_t_imported"),
        targetCode: "cur_t_imported",
      }),
      "mergeTarget",
    );
    const merged = await mergeDraft({
      actor: curator,
      code: "cur_t_imported",
      revision: await revisionOf("cur_t_imported"),
      targetCode: "cur_t_trust",
    });
    expect(merged).toMatchObject({ moved: 1, dropped: 0 });
    const db = await getDb();
    const item = await db.questionnaireItem.findFirstOrThrow({
      where: { questionnaireId },
      select: { questionVersion: true, question: { select: { code: true } } },
    });
    expect(item).toEqual({ questionVersion: 2, question: { code: "cur_t_trust" } });
    const draft = await findQuestionForEditing("cur_t_imported");
    expect(draft).toMatchObject({ status: "merged", mergedIntoCode: "cur_t_trust" });
    expect((await findDraftQueue()).map((d) => d.code)).not.toContain("cur_t_imported");
    expect(await auditActions("cur_t_imported")).toEqual(["question.create", "question.merge"]);
  });

  it("rejects a draft with a reason, and only with one", async () => {
    await createQuestion({
      actor: curator,
      input: baseInput("cur_t_suggested", { label: "A suggestion that repeats the bank" }),
    });
    await expect(
      rejectDraft({
        actor: curator,
        code: "cur_t_suggested",
        revision: await revisionOf("cur_t_suggested"),
        reason: " ",
      }),
    ).rejects.toBeInstanceOf(ZodError);
    await rejectDraft({
      actor: curator,
      code: "cur_t_suggested",
      revision: await revisionOf("cur_t_suggested"),
      reason: "Same as cur_t_trust",
    });
    expect(await findQuestionForEditing("cur_t_suggested")).toMatchObject({
      status: "rejected",
      rejectedReason: "Same as cur_t_trust",
    });
    await expectFailure(
      publishQuestion({ actor: curator, code: "cur_t_suggested", revision: await revisionOf("cur_t_suggested") }),
      "wrongStatus",
    );
  });
});

describe("shared choice lists", () => {
  it("a change to a shared list becomes a new version of every published question using it", async () => {
    const before = await findSharedChoiceList(LIST);
    expect(before!.questions.map((q) => q.code)).toEqual(expect.arrayContaining(["cur_t_trust", "cur_t_tags"]));
    const trustVersion = (await findQuestionForEditing("cur_t_trust"))!.version;
    const changed = await updateChoiceList({
      actor: curator,
      name: LIST,
      revision: before!.revision,
      choices: [
        { name: "agree", label: "Agree" },
        { name: "neutral", label: "Neither agree nor disagree" },
        { name: "disagree", label: "Disagree" },
      ],
    });
    expect(changed.version).toBe(2);
    expect(changed.questions).toEqual(expect.arrayContaining([{ code: "cur_t_trust", version: trustVersion + 1 }]));
    const after = await findSharedChoiceList(LIST);
    expect(after!.choices.map((c) => [c.name, c.texts.fr?.status])).toEqual([
      ["agree", "approved"],
      ["neutral", "outdated"],
      ["disagree", "approved"],
    ]);
    const diff = await findVersionDiff("cur_t_trust", trustVersion, trustVersion + 1);
    expect(diff!.fields.map((f) => f.field)).toContain("choices");
    await expectFailure(
      updateChoiceList({
        actor: curator,
        name: LIST,
        revision: before!.revision,
        choices: [
          { name: "a", label: "A" },
          { name: "b", label: "B" },
        ],
      }),
      "conflict",
    );
  });
});

describe("framework", () => {
  const indicator = (code: string) => ({
    code,
    topicCode: "PER-TR",
    type: "behavioural",
    name: { en: `Test ${code}`, es: `Prueba ${code}`, fr: `Essai ${code}`, ar: `اختبار ${code}` },
    definition: { en: "", es: "", fr: "", ar: "" },
  });

  it("keeps an indicator with questions from deletion, merges it into another, and only administrators may", async () => {
    const db = await getDb();
    const topic = await db.indicator.findUniqueOrThrow({
      where: { code: "PER-03" },
      select: { topic: { select: { code: true } } },
    });
    const make = (code: string) => ({ ...indicator(code), topicCode: topic.topic.code });
    await expectFailure(saveIndicator({ actor: curator, input: make("PER-91") }), "forbidden");
    await saveIndicator({ actor: admin, input: make("PER-91") });
    await saveIndicator({ actor: admin, input: make("PER-92") });
    await updateQuestion({
      actor: curator,
      code: "cur_t_race",
      revision: await revisionOf("cur_t_race"),
      input: baseInput("cur_t_race", {
        label: "Second curator's wording",
        choiceMode: "own",
        sharedList: null,
        ownChoices: [
          { name: "radio", label: "Radio" },
          { name: "tv", label: "Telly" },
        ],
        indicators: ["PER-91"],
      }),
    });
    const inUse = await expectFailure(deleteIndicator({ actor: admin, code: "PER-91", revision: 0 }), "indicatorInUse");
    expect(inUse.details).toEqual({ questions: 1 });
    expect(await mergeIndicator({ actor: admin, code: "PER-91", intoCode: "PER-92", revision: 0 })).toEqual({
      moved: 1,
      revision: 1,
    });
    expect((await findQuestionForEditing("cur_t_race"))!.indicators).toEqual(["PER-92"]);
    const merged = await db.indicator.findUniqueOrThrow({
      where: { code: "PER-91" },
      select: { retiredAt: true, mergedIntoId: true },
    });
    expect(merged.retiredAt).not.toBeNull();
    // A delete from the revision read before the merge is refused: the merge changed it.
    await expectFailure(deleteIndicator({ actor: admin, code: "PER-91", revision: 0 }), "conflict");
    await deleteIndicator({ actor: admin, code: "PER-91", revision: 1 });
    await setIndicatorRetired({ actor: admin, code: "PER-92", revision: 0, retired: true });
    expect((await db.indicator.findUniqueOrThrow({ where: { code: "PER-92" } })).retiredAt).not.toBeNull();
    // A stale edit of the indicator is refused.
    const stale = await expectFailure(
      saveIndicator({ actor: admin, code: "PER-92", revision: 0, input: make("PER-92") }),
      "conflict",
    );
    expect(stale.details?.current).toMatchObject({ kind: "indicator", code: "PER-92", revision: 1, retired: true });
    await expectFailure(saveIndicator({ actor: admin, code: "PER-92", input: make("PER-92") }), "conflict");
  });
});
