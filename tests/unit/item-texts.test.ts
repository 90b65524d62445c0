// The rule for which texts a questionnaire item shows (lib/questionnaires/item-texts.ts): the
// item's own bank version, translations that translate that version's source text, custom wording.
import { describe, expect, it } from "vitest";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import {
  itemTexts,
  type BankQuestion,
  type ItemTextInput,
  type TranslationHistoryRow,
} from "@/lib/questionnaires/item-texts";

const v1: QuestionSnapshot = {
  code: "q_trust",
  type: "select_one",
  constraint: null,
  choiceList: "trust_scale",
  choices: [
    { name: "yes", label: { en: "Yes", fr: "Oui" } },
    { name: "no", label: { en: "No", fr: "Non" } },
  ],
  texts: {
    en: { label: "Do you trust nurses?", hint: "Think of the last year." },
    fr: { label: "Faites-vous confiance aux infirmières ?", hint: null },
  },
  indicators: ["INF-03"],
  tags: [],
  source: null,
};

/** Version 2 changed the English wording and added a choice. */
const v2: QuestionSnapshot = {
  ...v1,
  choices: [...v1.choices, { name: "unsure", label: { en: "Not sure" } }],
  texts: { en: { label: "Do you trust nurses and midwives?", hint: "Think of the last year." } },
};

/** The bank now: version 2, French marked outdated when version 2 was published. */
function bankAtV2(overrides: Partial<BankQuestion> = {}): BankQuestion {
  return {
    type: "select_one",
    version: 2,
    sourceLanguage: "en",
    constraint: null,
    listName: "trust_scale",
    texts: [
      {
        lang: "en",
        label: "Do you trust nurses and midwives?",
        hint: "Think of the last year.",
        constraintMessage: null,
        status: "approved",
        sourceVersion: 2,
      },
      {
        lang: "fr",
        label: "Faites-vous confiance aux infirmières ?",
        hint: null,
        constraintMessage: null,
        status: "outdated",
        sourceVersion: 1,
      },
    ],
    choices: [
      {
        name: "yes",
        texts: [
          { lang: "en", label: "Yes", status: "approved" },
          { lang: "fr", label: "Oui", status: "approved" },
        ],
      },
      {
        name: "no",
        texts: [
          { lang: "en", label: "No", status: "approved" },
          { lang: "fr", label: "Non", status: "approved" },
        ],
      },
      { name: "unsure", texts: [{ lang: "en", label: "Not sure", status: "approved" }] },
    ],
    ...overrides,
  };
}

function input(overrides: Partial<ItemTextInput> = {}): ItemTextInput {
  return {
    pinnedVersion: 1,
    question: bankAtV2(),
    snapshots: new Map([
      [1, v1],
      [2, v2],
    ]),
    history: [],
    customText: null,
    ...overrides,
  };
}

const approvedFr = (sourceVersion: number, label: string): TranslationHistoryRow => ({
  lang: "fr",
  label,
  hint: null,
  constraintMessage: null,
  choices: { yes: "Oui", no: "Non" },
  status: "approved",
  sourceVersion,
});

describe("an item on the bank's current version", () => {
  it("shows the bank's texts with their statuses, and custom wording instead of the bank's label", () => {
    const texts = itemTexts(
      input({ pinnedVersion: 2, customText: { label: { en: "Do you trust the nurses here?" } } }),
    );
    expect(texts.pinned).toBe(false);
    expect(texts.bankLabel.en).toEqual({ text: "Do you trust nurses and midwives?", status: "approved" });
    expect(texts.bankLabel.fr).toEqual({ text: "Faites-vous confiance aux infirmières ?", status: "outdated" });
    expect(texts.label).toEqual({ en: { text: "Do you trust the nurses here?", status: "approved" } });
    expect(texts.hint.en?.text).toBe("Think of the last year.");
    expect(texts.choices.map((c) => c.name)).toEqual(["yes", "no", "unsure"]);
  });

  it("counts the owner's own draft wording (an imported form) as approved", () => {
    const question = bankAtV2({
      version: 1,
      texts: [{ lang: "en", label: "Mine", hint: null, constraintMessage: null, status: "draft", sourceVersion: 1 }],
    });
    expect(itemTexts(input({ question, ownWording: true })).label.en).toEqual({ text: "Mine", status: "approved" });
    expect(itemTexts(input({ question })).label.en).toEqual({ text: "Mine", status: "draft" });
  });
});

describe("an item behind the bank", () => {
  it("keeps its version's wording, type, constraint and choices, not the bank's current ones", () => {
    const question = bankAtV2({ type: "select_multiple", constraint: "count-selected(.) <= 2" });
    const texts = itemTexts(input({ question }));
    expect(texts.pinned).toBe(true);
    expect(texts.type).toBe("select_one");
    expect(texts.constraint).toBeNull();
    expect(texts.listName).toBe("trust_scale");
    expect(texts.label.en).toEqual({ text: "Do you trust nurses?", status: "approved" });
    expect(texts.choices.map((c) => c.name)).toEqual(["yes", "no"]);
    expect(texts.choices[0].label).toEqual({
      en: { text: "Yes", status: "approved" },
      fr: { text: "Oui", status: "approved" },
    });
  });

  it("shows a translation of the same source text made after the version, with its status", () => {
    // Version 2 changed only indicators: the translation approved for it translates version 1's words too.
    const sameWords: QuestionSnapshot = { ...v1, indicators: ["INF-04"] };
    const question = bankAtV2({
      texts: [
        {
          lang: "en",
          label: "Do you trust nurses?",
          hint: "Think of the last year.",
          constraintMessage: null,
          status: "approved",
          sourceVersion: 2,
        },
        {
          lang: "fr",
          label: "Avez-vous confiance dans les infirmières ?",
          hint: null,
          constraintMessage: null,
          status: "approved",
          sourceVersion: 2,
        },
      ],
    });
    const texts = itemTexts(
      input({
        question,
        snapshots: new Map([
          [1, v1],
          [2, sameWords],
        ]),
      }),
    );
    expect(texts.label.fr).toEqual({ text: "Avez-vous confiance dans les infirmières ?", status: "approved" });
  });

  it("never shows a translation made for a newer source text: the last one of its own source instead", () => {
    const question = bankAtV2({
      texts: [
        bankAtV2().texts[0],
        {
          lang: "fr",
          label: "Faites-vous confiance aux infirmières et aux sages-femmes ?",
          hint: null,
          constraintMessage: null,
          status: "approved",
          sourceVersion: 2,
        },
      ],
    });
    const history = [
      approvedFr(2, "Faites-vous confiance aux infirmières et aux sages-femmes ?"),
      approvedFr(1, "Faites-vous confiance au personnel infirmier ?"),
      { ...approvedFr(1, "Brouillon"), status: "draft" as const },
    ];
    expect(itemTexts(input({ question, history })).label.fr).toEqual({
      text: "Faites-vous confiance au personnel infirmier ?",
      status: "approved",
    });
    // Without any saved translation of its own source text, the language is missing.
    expect(itemTexts(input({ question })).label.fr).toBeUndefined();
  });

  it("shows a text marked outdated only because the source moved on as outdated when no revision says more", () => {
    expect(itemTexts(input()).label.fr).toEqual({
      text: "Faites-vous confiance aux infirmières ?",
      status: "outdated",
    });
    // With its history, the status it had for this source text.
    expect(
      itemTexts(input({ history: [approvedFr(1, "Faites-vous confiance aux infirmières ?")] })).label.fr?.status,
    ).toBe("approved");
  });

  it("chooses choice translations by the choice's own source label", () => {
    const question = bankAtV2({
      choices: [
        {
          name: "yes",
          texts: [
            { lang: "en", label: "Yes, fully", status: "approved" },
            { lang: "fr", label: "Oui, tout à fait", status: "approved" },
          ],
        },
        {
          name: "no",
          texts: [
            { lang: "en", label: "No", status: "approved" },
            { lang: "fr", label: "Non", status: "in_review" },
          ],
        },
      ],
    });
    const texts = itemTexts(input({ question, history: [{ ...approvedFr(1, "x"), choices: { yes: "Oui (v1)" } }] }));
    expect(texts.choices[0].label).toEqual({
      en: { text: "Yes", status: "approved" },
      fr: { text: "Oui (v1)", status: "approved" },
    });
    expect(texts.choices[1].label.fr).toEqual({ text: "Non", status: "in_review" });
  });

  it("keeps the bank's constraint message only while the constraint is the same", () => {
    const numeric: QuestionSnapshot = {
      ...v1,
      type: "integer",
      choiceList: null,
      choices: [],
      constraint: ". >= 0 and . <= 120",
    };
    const texts = (constraint: string) =>
      itemTexts(
        input({
          snapshots: new Map([
            [1, numeric],
            [2, { ...numeric, constraint }],
          ]),
          question: bankAtV2({
            type: "integer",
            listName: null,
            choices: [],
            constraint,
            texts: [{ ...bankAtV2().texts[0], label: "Do you trust nurses?", constraintMessage: "0 to 120" }],
          }),
        }),
      );
    expect(texts(". >= 0 and . <= 120").constraintMessage.en?.text).toBe("0 to 120");
    expect(texts(". >= 0 and . <= 110").constraintMessage).toEqual({});
  });

  it("applies custom wording over the pinned version, and falls back to the bank's texts without a snapshot", () => {
    expect(itemTexts(input({ customText: { hint: { en: "Only this year." } } })).hint).toEqual({
      en: { text: "Only this year.", status: "approved" },
    });
    const noSnapshot = itemTexts(input({ snapshots: new Map() }));
    expect(noSnapshot.pinned).toBe(false);
    expect(noSnapshot.label.en?.text).toBe("Do you trust nurses and midwives?");
  });
});
