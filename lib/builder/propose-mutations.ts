// A researcher proposes one of their questionnaire's own questions to the bank: it becomes a
// curator's draft (lib/curation insertDraft) with where it came from in its notes and in the audit
// trail. The questionnaire keeps its own question as it is; the draft stays private like every
// draft until a curator publishes it (lib/bank/visibility.ts), whatever else a curator does with it.
import "server-only";
import { z } from "zod";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { can, type Person } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { insertDraft, type TextInput } from "../curation/mutations";
import { questionInputSchema } from "../curation/schema";
import { QUESTION_TYPES } from "../vocabulary/enums";
import { BANK_CODE, MAX_CODE_LENGTH, RESERVED_NAMES } from "../vocabulary/names";
import { bankLanguageOf } from "../xlsform/bank-languages";
import { parseType, type FormModel, type SurveyQuestion } from "../xlsform/form";
import { BuilderError } from "./errors";
import { ownPathSchema } from "./own-form-schema";

export const proposeSchema = z.object({ questionnaireId: z.string().min(1).max(64), path: ownPathSchema });

/** `Q1.a-Age` → `q1_a_age`: a bank code (lower-case snake case, a letter first, at most 32 characters). */
export function toBankCode(name: string): string {
  let code = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(code)) code = `q_${code}`;
  code = code.slice(0, MAX_CODE_LENGTH).replace(/_+$/, "");
  return RESERVED_NAMES.has(code) || !BANK_CODE.test(code) ? `q_${code}`.slice(0, MAX_CODE_LENGTH) : code;
}

function questionAt(form: FormModel, path: string[]): SurveyQuestion | null {
  let nodes = form.survey;
  for (const [depth, name] of path.entries()) {
    const node = nodes.find((n) => n.kind !== "skipped" && n.name === name);
    if (!node) return null;
    if (depth === path.length - 1) return node.kind === "question" ? node : null;
    if (node.kind === "question" || node.kind === "skipped") return null;
    nodes = node.children;
  }
  return null;
}

const BANK_TYPES: ReadonlySet<string> = new Set(QUESTION_TYPES);

export async function proposeOwnQuestion({
  actor,
  input,
}: {
  actor: Person | null;
  input: unknown;
}): Promise<{ code: string; revision: number }> {
  const { questionnaireId, path } = proposeSchema.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await tx.questionnaire.findUnique({
      where: { id: questionnaireId },
      select: { id: true, ownerId: true, visibility: true, revision: true, title: true, form: true },
    });
    if (!q || !can(actor, "questionnaire.read", q)) throw new BuilderError("notFound");
    if (!can(actor, "questionnaire.edit", q)) throw new BuilderError("forbidden");
    const form = q.form as unknown as FormModel | null;
    const node = form ? questionAt(form, path) : null;
    if (!form || !node) throw new BuilderError("notFound");

    const earlier = await tx.auditEvent.findMany({
      where: { action: "question.propose", after: { path: ["questionnaireId"], equals: q.id } },
      select: { after: true },
    });
    const same = earlier.find((e) => JSON.stringify((e.after as { path?: unknown }).path) === JSON.stringify(path));
    if (same) throw new BuilderError("alreadyProposed", { codes: [(same.after as { code: string }).code] });

    const parsed = parseType(node.type);
    const type =
      parsed.kind === "select" && (parsed.select === "select_one" || parsed.select === "select_multiple")
        ? parsed.select
        : parsed.kind === "question" && BANK_TYPES.has(parsed.type)
          ? parsed.type
          : null;
    const list = parsed.kind === "select" ? form.choiceLists.find((l) => l.name === parsed.listName) : undefined;
    if (!type || (parsed.kind === "select" && !list)) throw new BuilderError("notProposable");

    // The form's languages that are the bank's, and the one the draft is written in.
    const names = new Map<Language, string>();
    for (const l of form.languages) {
      const lang = bankLanguageOf(l.name);
      if (lang && !names.has(lang) && node.texts.label?.[l.name]?.trim()) names.set(lang, l.name);
    }
    const source: Language | undefined = names.has("en") ? "en" : [...names.keys()][0];
    if (!source) throw new BuilderError("noBankLanguage");
    const textIn = (key: string, lang: Language) => node.texts[key]?.[names.get(lang)!]?.trim() || "";

    const taken = new Set(
      (
        await tx.question.findMany({
          where: { code: { startsWith: toBankCode(node.name).slice(0, 20) } },
          select: { code: true },
        })
      ).map((r) => r.code),
    );
    const wanted = toBankCode(node.name);
    let code = wanted;
    for (let n = 2; taken.has(code); n++) code = `${wanted.slice(0, MAX_CODE_LENGTH - String(n).length - 1)}_${n}`;

    const title = Object.values((q.title ?? {}) as Record<string, string>).find((t) => t?.trim()) ?? q.id;
    const data = questionInputSchema.parse({
      code,
      type,
      sourceLanguage: source,
      label: textIn("label", source),
      hint: textIn("hint", source),
      constraintMessage: node.values.constraint ? textIn("constraint_message", source) : "",
      customConstraint: node.values.constraint ?? "",
      notes: `Proposed from the questionnaire “${title}” (its question “${path.join("/")}”).`,
      choiceMode: list ? "own" : "none",
      ownChoices: (list?.choices ?? []).map((c) => ({
        name: c.name,
        label: c.texts.label?.[names.get(source)!]?.trim() || c.name,
      })),
    });
    const translations: Partial<Record<Language, TextInput>> = {};
    for (const lang of names.keys())
      if (lang !== source) translations[lang] = { label: textIn("label", lang), hint: textIn("hint", lang) || null };
    const draft = await insertDraft(tx, { data, createdById: actor!.id, translations });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: "question.propose",
      entityType: "question",
      entityId: draft.id,
      after: { questionnaireId: q.id, path, code: draft.code },
    });
    return { code: draft.code, revision: q.revision };
  });
}
