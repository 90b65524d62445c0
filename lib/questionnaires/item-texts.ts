// Which texts a questionnaire item shows: THE rule, used by the builder, the preview and print
// pages, the readiness check and both exports (they all read items through load-data.ts). Pure.
//
// An item is linked to the bank question and to the version it was taken from (or last updated
// to). A later bank edit never changes the questionnaire by itself: the item keeps showing the
// type, constraint, choices and source-language wording of its version (the QuestionVersion
// snapshot) until the researcher updates it. Wording customised for the questionnaire replaces
// the bank's label and hint as a whole, whatever the version.
//
// Translations of a pinned item. A translation is made from a source version (sourceVersion on
// QuestionText and TranslationRevision); it belongs with the pinned item when that version's
// source-language text is the same as the pinned version's: the rule compares source texts, not
// version numbers, because a version that changed only tags or indicators keeps its translations.
//   1. The bank's current translation, when it translates the same source text and is not marked
//      outdated: so a translation approved after the version was published still reaches the
//      questionnaire, with its status.
//   2. Otherwise (the bank's translation now translates a newer source, or was marked outdated
//      when the source moved on) the latest saved revision of the translation made from the same
//      source text, with the status it had then: never a translation of a newer source shown
//      against the older one.
//   3. Otherwise, a bank text marked outdated that still translates the same source text (texts
//      written by the seed or a script keep no revisions) is shown as "outdated": its status
//      before the source moved on is unknown, so it is never taken for approved.
//   4. Otherwise the language is missing.
// Answer choices follow the same rule per choice, comparing the choice's source label. The
// constraint message follows it too, comparing the source's message as well as its label and hint:
// the pinned version's own message, and a translation of that message. A snapshot kept before
// messages were recorded has none: then the bank's current message goes with the bank's constraint
// (a pinned item whose constraint differs from the bank's current one has no bank message).
// The readiness check reads these same statuses, so what it promises is what the export holds.
import { recordsConstraintMessage, type QuestionSnapshot } from "../bank/snapshot";
import { isLanguage, type Language, type PartialLocalizedText } from "../i18n/languages";
import { ownerText, type TranslatedText } from "./model";
import type { QuestionType, TranslationState } from "../vocabulary/enums";

export type BankTextRow = {
  lang: string;
  label: string;
  hint: string | null;
  constraintMessage: string | null;
  status: TranslationState;
  sourceVersion: number | null;
};
export type BankChoiceRow = { name: string; texts: { lang: string; label: string; status: TranslationState }[] };

/** The bank question as it stands now. */
export type BankQuestion = {
  type: QuestionType;
  version: number;
  sourceLanguage: string;
  constraint: string | null;
  listName: string | null;
  texts: BankTextRow[];
  choices: BankChoiceRow[];
};

/** One saved revision of a translation (TranslationRevision): `choices` is { [choiceName]: label }. */
export type TranslationHistoryRow = {
  lang: string;
  label: string;
  hint: string | null;
  constraintMessage: string | null;
  choices: Record<string, string>;
  status: TranslationState;
  sourceVersion: number | null;
};

export type CustomText = { label?: PartialLocalizedText; hint?: PartialLocalizedText };

export type ItemTextInput = {
  /** The bank version the item was taken from or last updated to */
  pinnedVersion: number;
  question: BankQuestion;
  /** The question's published snapshots by version (needed only when the item is behind the bank) */
  snapshots: ReadonlyMap<number, QuestionSnapshot>;
  /** The question's translation revisions, newest first (needed only when the item is behind the bank) */
  history: readonly TranslationHistoryRow[];
  customText: CustomText | null;
  /**
   * The draft texts of a question the owner created (by importing their form) are the owner's own
   * words, like customised wording, until a curator takes the question into the bank.
   */
  ownWording?: boolean;
};

export type ItemTexts = {
  /** True when the texts come from an older version than the bank's current one */
  pinned: boolean;
  type: QuestionType;
  /** The bank's constraint for the item's version (the item may set its own) */
  constraint: string | null;
  listName: string | null;
  choices: { name: string; label: TranslatedText }[];
  /** The bank's wording of the item's version */
  bankLabel: TranslatedText;
  bankHint: TranslatedText;
  /** What the questionnaire shows: the custom wording when there is some, else the bank's */
  label: TranslatedText;
  hint: TranslatedText;
  /** The bank's constraint message (the item may set its own) */
  constraintMessage: TranslatedText;
};

const BLOCKED: ReadonlySet<TranslationState> = new Set(["missing", "outdated"]);

function put(out: TranslatedText, lang: string, text: string | null | undefined, status: TranslationState) {
  if (isLanguage(lang) && text && text.trim()) out[lang] = { text, status };
}

/** The bank's texts as they are now: for items on the bank's current version. */
function currentTexts(input: ItemTextInput): Omit<ItemTexts, "label" | "hint"> {
  const { question, ownWording = false } = input;
  const state = (status: TranslationState) => (ownWording && status === "draft" ? "approved" : status);
  const field = (pick: (row: BankTextRow) => string | null) => {
    const out: TranslatedText = {};
    for (const row of question.texts) put(out, row.lang, pick(row), state(row.status));
    return out;
  };
  return {
    pinned: false,
    type: question.type,
    constraint: question.constraint,
    listName: question.listName,
    choices: question.choices.map((c) => {
      const label: TranslatedText = {};
      for (const t of c.texts) put(label, t.lang, t.label, state(t.status));
      return { name: c.name, label };
    }),
    bankLabel: field((r) => r.label),
    bankHint: field((r) => r.hint),
    constraintMessage: field((r) => r.constraintMessage),
  };
}

const sameText = (a: string | null | undefined, b: string | null | undefined) => (a ?? "") === (b ?? "");

/** The texts of the pinned version, with translations chosen by the rule at the top of this file. */
function pinnedTexts(input: ItemTextInput, snapshot: QuestionSnapshot): Omit<ItemTexts, "label" | "hint"> {
  const { question, snapshots, history, pinnedVersion } = input;
  const src = question.sourceLanguage;
  const pinnedSource = snapshot.texts[src as Language];
  const sameSource = (version: number | null) => {
    if (version === null) return false;
    if (version === pinnedVersion) return true;
    const other = snapshots.get(version)?.texts[src as Language];
    return (
      !!other && !!pinnedSource && sameText(other.label, pinnedSource.label) && sameText(other.hint, pinnedSource.hint)
    );
  };
  const bankLabel: TranslatedText = {};
  const bankHint: TranslatedText = {};
  put(bankLabel, src, pinnedSource?.label, "approved");
  put(bankHint, src, pinnedSource?.hint, "approved");
  for (const row of question.texts) {
    if (row.lang === src) continue;
    if (!BLOCKED.has(row.status) && sameSource(row.sourceVersion)) {
      put(bankLabel, row.lang, row.label, row.status);
      put(bankHint, row.lang, row.hint, row.status);
      continue;
    }
    const saved = history.find((h) => h.lang === row.lang && sameSource(h.sourceVersion));
    if (saved) {
      put(bankLabel, row.lang, saved.label, saved.status);
      put(bankHint, row.lang, saved.hint, saved.status);
    } else if (row.status === "outdated" && sameSource(row.sourceVersion)) {
      put(bankLabel, row.lang, row.label, "outdated");
      put(bankHint, row.lang, row.hint, "outdated");
    }
  }

  // Choices: the pinned version's names and order, each label chosen by its own source label.
  const liveChoices = snapshot.choiceList === question.listName ? question.choices : [];
  const choices = snapshot.choices.map((c) => {
    const sourceLabel = c.label[src as Language];
    const label: TranslatedText = {};
    put(label, src, sourceLabel, "approved");
    const live = liveChoices.find((l) => l.name === c.name);
    const liveSourceMatches = !!live && sameText(live.texts.find((t) => t.lang === src)?.label, sourceLabel);
    const sameChoiceSource = (version: number | null) =>
      version !== null &&
      (version === pinnedVersion ||
        sameText(
          snapshots.get(version)?.choices.find((o) => o.name === c.name)?.label[src as Language] ?? null,
          sourceLabel ?? null,
        ));
    const langs = new Set([...(live?.texts ?? []).map((t) => t.lang), ...history.map((h) => h.lang)]);
    for (const lang of langs) {
      if (lang === src) continue;
      const liveText = liveSourceMatches ? live!.texts.find((t) => t.lang === lang) : undefined;
      if (liveText && !BLOCKED.has(liveText.status)) {
        put(label, lang, liveText.label, liveText.status);
        continue;
      }
      const saved = history.find(
        (h) => h.lang === lang && h.choices[c.name]?.trim() && sameChoiceSource(h.sourceVersion),
      );
      if (saved) put(label, lang, saved.choices[c.name], saved.status);
      else if (liveText?.status === "outdated") put(label, lang, liveText.label, "outdated");
    }
    return { name: c.name, label };
  });

  return {
    pinned: true,
    type: snapshot.type as QuestionType,
    constraint: snapshot.constraint,
    listName: snapshot.choiceList,
    choices,
    bankLabel,
    bankHint,
    constraintMessage: recordsConstraintMessage(snapshot)
      ? pinnedMessage(input, snapshot, sameSource)
      : currentMessage(input, snapshot, sameSource),
  };
}

/**
 * The pinned version's constraint message and its translations, by the rule at the top of this
 * file: a translation belongs when it was made from a version with the same label, hint and message.
 */
function pinnedMessage(
  { question, snapshots, history, pinnedVersion }: ItemTextInput,
  snapshot: QuestionSnapshot,
  sameSource: (version: number | null) => boolean,
): TranslatedText {
  const src = question.sourceLanguage as Language;
  const message = snapshot.texts[src]?.constraintMessage;
  const sameMessage = (version: number | null) =>
    sameSource(version) &&
    (version === pinnedVersion || sameText(snapshots.get(version!)?.texts[src]?.constraintMessage, message));
  const out: TranslatedText = {};
  put(out, src, message, "approved");
  for (const row of question.texts) {
    if (row.lang === src) continue;
    if (!BLOCKED.has(row.status) && sameMessage(row.sourceVersion)) {
      put(out, row.lang, row.constraintMessage, row.status);
      continue;
    }
    const saved = history.find((h) => h.lang === row.lang && sameMessage(h.sourceVersion));
    if (saved) put(out, row.lang, saved.constraintMessage, saved.status);
    else if (row.status === "outdated" && sameMessage(row.sourceVersion))
      put(out, row.lang, row.constraintMessage, "outdated");
  }
  return out;
}

/** A snapshot that kept no message: the bank's current one, while the constraint is the same. */
function currentMessage(
  { question }: ItemTextInput,
  snapshot: QuestionSnapshot,
  sameSource: (version: number | null) => boolean,
): TranslatedText {
  const out: TranslatedText = {};
  if (!sameText(snapshot.constraint, question.constraint)) return out;
  for (const row of question.texts)
    if (row.lang === question.sourceLanguage) put(out, row.lang, row.constraintMessage, "approved");
    else if (!BLOCKED.has(row.status) && sameSource(row.sourceVersion))
      put(out, row.lang, row.constraintMessage, row.status);
  return out;
}

/** The texts, type, constraint and choices this item shows (see the rule at the top of this file). */
export function itemTexts(input: ItemTextInput): ItemTexts {
  const snapshot = input.pinnedVersion < input.question.version ? input.snapshots.get(input.pinnedVersion) : undefined;
  // No snapshot of the item's version (a question published before versions were kept): the bank's
  // current texts are the only record there is.
  const bank = snapshot ? pinnedTexts(input, snapshot) : currentTexts(input);
  const custom = input.customText ?? {};
  return {
    ...bank,
    label: custom.label ? ownerText(custom.label) : bank.bankLabel,
    hint: custom.hint ? ownerText(custom.hint) : bank.bankHint,
  };
}
