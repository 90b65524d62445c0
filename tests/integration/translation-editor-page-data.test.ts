// What the translation editor page decides on the server (lib/translations/editor-page-data.ts),
// for each person along one text's review path: who may edit, submit, approve or confirm an
// outdated text still valid, four eyes included. The page shows or hides its buttons by these;
// the mutations ask the same rules again. Everything here is made by this file (edpg_t_) and removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { createQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import { approveTranslation, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { findEditorPage } from "@/lib/translations/editor-page-data";
import { changeSourceLabel, createPerson } from "./translation-helpers";
import { person } from "./person-helpers";

const CODE = "edpg_t_name";
const curator = person("edpg-test-curator", ["curator"]);
let translator: Person;
let reviewer: Person;
/** Translates and reviews French: never approves what they edited last. */
let both: Person;

const pageFor = async (actor: Person, code = CODE) =>
  findEditorPage({ actor, code, lang: "fr", referenceLanguage: "en" });
const mayOf = async (actor: Person) => (await pageFor(actor))!.may;

beforeAll(async () => {
  translator = await createPerson("edpg-translator-fr", ["translator"], { translate: ["fr"] });
  reviewer = await createPerson("edpg-reviewer-fr", ["reviewer"], { review: ["fr"] });
  both = await createPerson("edpg-both-fr", ["translator", "reviewer"], { translate: ["fr"], review: ["fr"] });
  await createQuestion({
    actor: curator,
    input: {
      code: CODE,
      type: "text",
      label: "What is the name of your village?",
      choiceMode: "none",
      indicators: ["INF-03"],
      tags: [],
    },
  });
  await publishQuestion({ actor: curator, code: CODE, revision: (await findQuestionForEditing(CODE))!.revision });
});

afterAll(async () => {
  const db = await getDb();
  await db.question.deleteMany({ where: { code: { startsWith: "edpg_t_" } } });
});

describe("the translation editor page's reads and rights", () => {
  it("finds no item for an unknown code", async () => {
    expect(await pageFor(translator, "edpg_t_none")).toBeNull();
  });

  it("offers a missing text to its translators to write, with nothing blocking and no hint to match", async () => {
    const page = (await pageFor(translator))!;
    expect(page.item.state).toBe("missing");
    expect(page.item.target).toBeNull();
    expect(page.savedBlocking).toEqual([]);
    expect(page.memory.hint).toEqual([]);
    expect(page.may).toEqual({ edit: true, confirm: false, submit: true, approve: false, editedLast: false });
    expect((await mayOf(reviewer)).edit).toBe(false);
    expect((await mayOf(reviewer)).submit).toBe(false);
  });

  it("keeps the last editor of a text in review from approving it, and lets another reviewer", async () => {
    const saved = await saveTranslation(both, {
      code: CODE,
      lang: "fr",
      label: "Quel est le nom de votre village ?",
      hint: null,
      revision: (await pageFor(both))!.item.target?.revision ?? -1,
      acknowledgeWarnings: true,
    });
    await submitTranslation(both, { code: CODE, lang: "fr", revision: saved.revision });
    const mine = (await pageFor(both))!;
    expect(mine.item.state).toBe("in_review");
    expect(mine.may).toMatchObject({ edit: true, approve: false, editedLast: true, confirm: false });
    expect(await mayOf(reviewer)).toMatchObject({ edit: true, approve: true, editedLast: false, submit: false });
    // A translator who is not a reviewer neither approves nor is told they edited it last.
    expect(await mayOf(translator)).toMatchObject({ approve: false, editedLast: false });
  });

  it("offers an outdated text as still valid to a reviewer who did not write it, not to its writer", async () => {
    const inReview = (await pageFor(reviewer))!;
    await approveTranslation(reviewer, { code: CODE, lang: "fr", revision: inReview.item.target!.revision });
    await changeSourceLabel(CODE, "What is the name of the village you live in?");
    const page = (await pageFor(reviewer))!;
    expect(page.item.state).toBe("outdated");
    expect(page.item.sourceChange).not.toBeNull();
    expect(page.may.confirm).toBe(true);
    expect((await mayOf(both)).confirm).toBe(false);
    expect((await mayOf(translator)).confirm).toBe(false);
  });
});
