// The constraint message in version snapshots: an item pinned to an older version takes that
// version's message and the translation made from it (lib/questionnaires/item-texts.ts), a snapshot
// kept before messages were recorded claims no change in curation's comparison, and search and
// replace names the message as its own field.
import { describe, expect, it } from "vitest";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import { diffSnapshots } from "@/lib/curation/diff";
import { itemTexts, type BankQuestion, type TranslationHistoryRow } from "@/lib/questionnaires/item-texts";
import { replaceFields } from "@/lib/translations/replace";

const CONSTRAINT = ". >= 15 and . <= 110";
const snapshot = (en: string | undefined, fr?: string): QuestionSnapshot => ({
  code: "q_age",
  type: "integer",
  constraint: CONSTRAINT,
  choiceList: null,
  choices: [],
  texts: {
    en: { label: "How old are you?", hint: null, ...(en === undefined ? {} : { constraintMessage: en }) },
    ...(fr === undefined ? {} : { fr: { label: "Quel âge avez-vous ?", hint: null, constraintMessage: fr } }),
  },
  indicators: [],
  tags: [],
  source: null,
});

/** The bank at version 2: a new English message, translated and approved. */
const bank: BankQuestion = {
  type: "integer",
  version: 2,
  sourceLanguage: "en",
  constraint: CONSTRAINT,
  listName: null,
  texts: [
    {
      lang: "en",
      label: "How old are you?",
      hint: null,
      constraintMessage: "Age: 15 to 110.",
      status: "approved",
      sourceVersion: 2,
    },
    {
      lang: "fr",
      label: "Quel âge avez-vous ?",
      hint: null,
      constraintMessage: "Âge : 15 à 110.",
      status: "approved",
      sourceVersion: 2,
    },
  ],
  choices: [],
};
const approvedAt1: TranslationHistoryRow = {
  lang: "fr",
  label: "Quel âge avez-vous ?",
  hint: null,
  constraintMessage: "Saisissez un âge de 15 à 110.",
  choices: {},
  status: "approved",
  sourceVersion: 1,
};

describe("an item pinned to an older version", () => {
  const pinned = (v1: QuestionSnapshot, history: TranslationHistoryRow[] = [approvedAt1]) =>
    itemTexts({
      pinnedVersion: 1,
      question: bank,
      snapshots: new Map([
        [1, v1],
        [2, snapshot("Age: 15 to 110.")],
      ]),
      history,
      customText: null,
    });

  it("takes its version's message and the translation made from it, not the bank's current ones", () => {
    const texts = pinned(snapshot("Enter an age from 15 to 110."));
    expect(texts.constraintMessage).toEqual({
      en: { text: "Enter an age from 15 to 110.", status: "approved" },
      fr: { text: "Saisissez un âge de 15 à 110.", status: "approved" },
    });
    // The label did not change: the bank's current translation still belongs.
    expect(texts.bankLabel.fr).toEqual({ text: "Quel âge avez-vous ?", status: "approved" });
    // No translation of that message kept: none is shown rather than the newer one.
    expect(pinned(snapshot("Enter an age from 15 to 110."), []).constraintMessage.fr).toBeUndefined();
  });

  it("takes the bank's current translation when the message did not change", () => {
    expect(pinned(snapshot("Age: 15 to 110.")).constraintMessage.fr).toEqual({
      text: "Âge : 15 à 110.",
      status: "approved",
    });
  });

  it("from a snapshot kept before messages were recorded, takes the bank's message with the same constraint", () => {
    expect(pinned(snapshot(undefined)).constraintMessage).toEqual({
      en: { text: "Age: 15 to 110.", status: "approved" },
      fr: { text: "Âge : 15 à 110.", status: "approved" },
    });
  });
});

describe("curation's comparison of versions", () => {
  it("names a changed message, per language, and claims none against a snapshot that did not record it", () => {
    const fields = (a: QuestionSnapshot, b: QuestionSnapshot) => diffSnapshots(a, b).map((f) => [f.field, f.lang]);
    expect(fields(snapshot("Old.", "Ancien."), snapshot("New.", "Ancien."))).toEqual([["constraintMessage", "en"]]);
    expect(fields(snapshot(undefined), snapshot("New."))).toEqual([]);
    expect(fields(snapshot(null as unknown as string), snapshot(null as unknown as string))).toEqual([]);
  });
});

describe("search and replace", () => {
  it("changes the constraint message as its own field", () => {
    const changes = replaceFields(
      { label: "Âge ?", hint: null, constraintMessage: "Un âge de 15 à 110.", choices: {} },
      { find: "âge", replace: "nombre d’années", caseSensitive: false },
    );
    expect(changes.map((c) => [c.field, c.after])).toEqual([
      ["label", "nombre d’années ?"],
      ["constraintMessage", "Un nombre d’années de 15 à 110."],
    ]);
  });
});
