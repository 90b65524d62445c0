// What the translation editor is given (one question's source, reference and target texts, its
// answer choices, the checks and glossary that apply) and what it holds while a translator types.
import type { CheckCode } from "@/lib/translations/checks";
import type { GlossaryEntry } from "@/lib/translations/glossary-schema";
import type { MemoryMatch } from "@/lib/translations/memory-data";

type Dir = "ltr" | "rtl";
export type EditorChoice = {
  name: string;
  source: string;
  reference: string | null;
  target: string | null;
  revision: number;
  /** Its own state: a shared list's label is reviewed once, and its state shows in every question */
  status: string;
  /** The approved label the public still reads while a change to it waits for review */
  published: string | null;
};

export type EditorProps = {
  code: string;
  lang: string;
  dir: Dir;
  sourceLang: string;
  sourceDir: Dir;
  referenceLang: string | null;
  referenceDir: Dir;
  /** constraintMessage: only while the question has a constraint (the editor then asks for it) */
  source: { label: string; hint: string | null; constraintMessage: string | null };
  reference: { label: string; hint: string | null; constraintMessage: string | null } | null;
  target: { label: string; hint: string | null; constraintMessage: string | null; revision: number } | null;
  choices: EditorChoice[];
  canEdit: boolean;
  /** The checks that block a save rather than warn (the server's TRANSLATION_BLOCKING_CHECKS) */
  blockingChecks: readonly CheckCode[];
  /** The target language's glossary (empty when the source is not English: its terms are English) */
  glossary: GlossaryEntry[];
  nextQuery: Record<string, string>;
  queuePath: string;
  /** Translation memory: approved translations of similar English, per field */
  memory?: { label: MemoryMatch[]; hint: MemoryMatch[] };
  /** The machine translation provider's name; null or absent: off, and the editor says nothing of it */
  machineTranslation?: string | null;
};

export type Values = { label: string; hint: string; constraintMessage: string; choices: Record<string, string> };

export function valuesOf(target: EditorProps["target"], choices: EditorChoice[]): Values {
  return {
    label: target?.label ?? "",
    hint: target?.hint ?? "",
    constraintMessage: target?.constraintMessage ?? "",
    choices: Object.fromEntries(choices.map((c) => [c.name, c.target ?? ""])),
  };
}
