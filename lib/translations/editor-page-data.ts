// What the translation editor page shows for one item beyond the item itself, read and decided on
// the server: translation memory for its label and hint, the glossary, the saved text's blocking
// problems, and what this person may do with it (rules.ts, which the mutations ask again).
import "server-only";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { can, type Actor } from "../auth/permissions";
import { findTranslationItem, type TranslationItem } from "./item-data";
import { findLastEditors } from "./editor-data";
import { findMemoryMatches, type MemoryMatch } from "./memory-data";
import { findGlossaryForEditor } from "./glossary-data";
import type { GlossaryEntry } from "./glossary-schema";
import { checkTranslation, type CheckWarning } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { editedLastByReviewer, mayApprove, mayEditTranslation } from "./rules";
import { machineTranslationLabel } from "./machine-translation/config";

export type EditorPage = {
  item: TranslationItem;
  memory: { label: MemoryMatch[]; hint: MemoryMatch[] };
  glossary: GlossaryEntry[];
  /** The machine translation provider's name, when one is configured and this person may edit; else null (nothing said of it) */
  machineTranslation: string | null;
  /** The saved text's problems that the policy blocks on */
  savedBlocking: CheckWarning[];
  may: {
    edit: boolean;
    /** "Still valid" on an outdated text */
    confirm: boolean;
    submit: boolean;
    approve: boolean;
    /** A reviewer who edited the text in review last (four eyes: they may not approve it) */
    editedLast: boolean;
  };
};

async function findLastEditorsOf(item: TranslationItem, lang: Language): Promise<string[]> {
  if (item.state !== "in_review" && item.state !== "outdated") return [];
  const editors = await findLastEditors(
    [item.questionId],
    lang,
    undefined,
    item.state === "outdated" ? "any" : "in_review",
  );
  return editors.get(item.questionId) ?? [];
}

// The saved text's blocking problems (saved before the policy made them blocking): the review
// steps are turned off until they are corrected, as the server refuses them (transition-mutations.ts).
function savedBlockingOf(item: TranslationItem, glossary: GlossaryEntry[], lang: Language): CheckWarning[] {
  if (!item.target) return [];
  return splitByPolicy(
    checkTranslation(
      {
        label: item.source.label,
        hint: item.source.hint,
        constraintMessage: item.source.constraintMessage,
        choices: Object.fromEntries(item.choices.map((c) => [c.name, c.source])),
      },
      {
        label: item.target.label,
        hint: item.target.hint,
        constraintMessage: item.target.constraintMessage,
        choices: Object.fromEntries(item.choices.flatMap((c) => (c.target ? [[c.name, c.target]] : []))),
      },
      glossary,
      lang,
    ),
    serverCheckPolicy(),
  ).blocking;
}

/** The page's reads for `code` in `lang`, read beside `referenceLanguage`; null when there is no such item. */
export async function findEditorPage({
  actor,
  code,
  lang,
  referenceLanguage,
}: {
  actor: Actor;
  code: string;
  lang: Language;
  referenceLanguage: Language;
}): Promise<EditorPage | null> {
  const item = await findTranslationItem({ code, lang, referenceLanguage });
  if (!item) return null;
  const [label, hint] = await Promise.all([
    findMemoryMatches({ lang, text: item.source.label, field: "label", excludeCode: item.code }),
    item.source.hint
      ? findMemoryMatches({ lang, text: item.source.hint, field: "hint", excludeCode: item.code })
      : Promise.resolve([]),
  ]);
  const lastEditors = await findLastEditorsOf(item, lang);
  const glossary = item.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryForEditor(lang) : [];
  return {
    item,
    memory: { label, hint },
    glossary,
    machineTranslation: mayEditTranslation(actor, lang, item.state) ? machineTranslationLabel() : null,
    savedBlocking: savedBlockingOf(item, glossary, lang),
    may: {
      edit: mayEditTranslation(actor, lang, item.state),
      // "Still valid": a reviewer of the language who is not the text's last editor (four eyes).
      confirm: item.state === "outdated" && !!item.target && mayApprove(actor, lang, lastEditors),
      submit: can(actor, "translation.submit", { lang }),
      approve: mayApprove(actor, lang, lastEditors),
      editedLast: item.state === "in_review" && editedLastByReviewer(actor, lang, lastEditors),
    },
  };
}
