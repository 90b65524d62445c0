// Curators writing the same bank object at the same moment, each from the revision they read: one
// write goes through, every other is refused as a conflict (and shown both versions on screen),
// none is applied silently. Questions, their publishing and retiring, drafts rejected or merged,
// and shared choice lists. (Questionnaires: builder-concurrency; translations:
// translation-concurrency; the framework: framework-concurrency; users: users.test.ts.)
// Everything here uses its own questions and list (prefix cur_c_) and removes them afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion, retireQuestion } from "@/lib/curation/question-status-mutations";
import { mergeDraft, rejectDraft } from "@/lib/curation/review-mutations";
import { createChoiceList, updateChoiceList } from "@/lib/curation/choice-list-mutations";
import { findSharedChoiceList } from "@/lib/curation/choice-list-data";
import { findQuestionForEditing } from "@/lib/curation/data";
import { CurationError } from "@/lib/curation/errors";
import type { QuestionInputRaw } from "@/lib/curation/schema";
import { person } from "./person-helpers";

const curator = person("cur-c-curator", ["curator"]);
const LIST = "cur_c_yesno";
const WRITERS = 8;

const input = (code: string, label: string, over: Partial<QuestionInputRaw> = {}): QuestionInputRaw => ({
  code,
  type: "select_one",
  label,
  choiceMode: "shared",
  sharedList: LIST,
  indicators: ["PER-03"],
  tags: [],
  ...over,
});

const revisionOf = async (code: string) => (await findQuestionForEditing(code))!.revision;

/** Runs every write at once; says which went through, and that every other was a conflict. */
async function race(writes: Array<() => Promise<unknown>>) {
  const outcomes = await Promise.allSettled(writes.map((w) => w()));
  const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
  const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  for (const reason of refused) {
    expect(reason, String(reason)).toBeInstanceOf(CurationError);
    expect((reason as CurationError).code).toBe("conflict");
  }
  return { won, refused };
}

async function versionsOf(code: string) {
  const db = await getDb();
  return db.questionVersion.count({ where: { question: { code } } });
}

beforeAll(async () => {
  await createChoiceList({
    actor: curator,
    input: {
      name: LIST,
      choices: [
        { name: "yes", label: "Yes" },
        { name: "no", label: "No" },
      ],
    },
  });
  await createQuestion({ actor: curator, input: input("cur_c_published", "Have you heard of the new vaccine?") });
  await publishQuestion({ actor: curator, code: "cur_c_published", revision: await revisionOf("cur_c_published") });
  // The drafts' merge target has its own question: the retire race above may leave cur_c_published
  // retired, and a retired question is no place to merge into.
  await createQuestion({ actor: curator, input: input("cur_c_target", "Have you been offered the vaccine?") });
  await publishQuestion({ actor: curator, code: "cur_c_target", revision: await revisionOf("cur_c_target") });
});

afterAll(async () => {
  const db = await getDb();
  await db.question.deleteMany({ where: { code: { startsWith: "cur_c_" } } });
  await db.choiceList.deleteMany({ where: { name: { startsWith: "cur_c_" } } });
});

describe("curators saving one question from the same revision", () => {
  it(`applies exactly one of ${WRITERS} wording changes, as one new version, and refuses the rest`, async () => {
    const revision = await revisionOf("cur_c_published");
    const versions = await versionsOf("cur_c_published");
    const labels = Array.from({ length: WRITERS }, (_, i) => `Have you heard of the new vaccine? (wording ${i})`);
    const { won, refused } = await race(
      labels.map(
        (label) => () =>
          updateQuestion({ actor: curator, code: "cur_c_published", revision, input: input("cur_c_published", label) }),
      ),
    );
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(WRITERS - 1);
    const saved = await findQuestionForEditing("cur_c_published");
    expect(saved!.label).toBe(labels[won[0]]);
    expect(saved!.revision).toBe(revision + 1);
    expect(await versionsOf("cur_c_published")).toBe(versions + 1);
  });

  it("lets only one of a save, a retire and a second retire made from one revision through", async () => {
    const revision = await revisionOf("cur_c_published");
    const { won } = await race([
      () => retireQuestion({ actor: curator, code: "cur_c_published", revision }),
      () => retireQuestion({ actor: curator, code: "cur_c_published", revision }),
      () =>
        updateQuestion({
          actor: curator,
          code: "cur_c_published",
          revision,
          input: input("cur_c_published", "Have you heard of the vaccine?"),
        }),
    ]);
    expect(won).toHaveLength(1);
    const saved = await findQuestionForEditing("cur_c_published");
    expect(saved!.status).toBe(won[0] === 2 ? "published" : "retired");
    expect(saved!.revision).toBe(revision + 1);
  });
});

describe("curators reviewing one draft at the same moment", () => {
  it("rejects it or merges it, never both, in each of five rounds", async () => {
    for (let round = 0; round < 5; round++) {
      const code = `cur_c_draft_${round}`;
      await createQuestion({ actor: curator, input: input(code, `A suggestion, round ${round}`) });
      const revision = await revisionOf(code);
      const { won } = await race([
        () => rejectDraft({ actor: curator, code, revision, reason: "Repeats the bank" }),
        () => mergeDraft({ actor: curator, code, revision, targetCode: "cur_c_target" }),
        () => rejectDraft({ actor: curator, code, revision, reason: "Another reason" }),
      ]);
      expect(won).toHaveLength(1);
      const saved = await findQuestionForEditing(code);
      expect(saved!.status).toBe(won[0] === 1 ? "merged" : "rejected");
      if (won[0] !== 1) expect(saved!.rejectedReason).toBe(won[0] === 0 ? "Repeats the bank" : "Another reason");
    }
  });
});

describe("curators saving one shared choice list from the same revision", () => {
  it(`applies exactly one of ${WRITERS} changes, as one new version of the list`, async () => {
    const before = await findSharedChoiceList(LIST);
    const { won, refused } = await race(
      Array.from(
        { length: WRITERS },
        (_, i) => () =>
          updateChoiceList({
            actor: curator,
            name: LIST,
            revision: before!.revision,
            choices: [
              { name: "yes", label: `Yes (${i})` },
              { name: "no", label: "No" },
            ],
          }),
      ),
    );
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(WRITERS - 1);
    const after = await findSharedChoiceList(LIST);
    expect(after!.revision).toBe(before!.revision + 1);
    expect(after!.choices.find((c) => c.name === "yes")!.texts.en?.label).toBe(`Yes (${won[0]})`);
  });
});
