// Turning an imported XLSForm into a questionnaire owned by the importer, in one transaction:
// every question that matches a bank question (same code, or same English wording, with the same
// answer type and choices) is linked to it; every other one becomes a draft bank question for a
// curator. Nothing is written when anything is wrong: a file with errors changes nothing.
import type { Prisma } from "../../db/generated/client";
import { getDb } from "../../db/client";
import { recordAudit } from "../../audit/mutations";
import type { Language, PartialLocalizedText } from "../../i18n/languages";
import { BANK_CODE, MAX_CODE_LENGTH, RESERVED_NAMES } from "../../vocabulary/names";
import type { ImportIssue, ImportedItem, ImportedQuestionnaire } from "./types";

type Tx = Prisma.TransactionClient;

export type ImportOutcome =
  | { ok: true; questionnaireId: string; title: string; questions: number; created: string[]; linked: string[] }
  | { ok: false; errors: ImportIssue[] };

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

/** A code not yet taken: `code`, else `code_2`, `code_3`… (kept within the length limit). */
function freeCode(wanted: string, taken: Set<string>): string {
  let candidate = wanted;
  for (let n = 2; taken.has(candidate); n++)
    candidate = `${wanted.slice(0, MAX_CODE_LENGTH - String(n).length - 1)}_${n}`;
  taken.add(candidate);
  return candidate;
}

type BankQuestion = {
  id: string;
  code: string;
  type: string;
  version: number;
  constraint: string | null;
  choiceList: { name: string; choices: { name: string }[] } | null;
  texts: { lang: string; label: string; hint: string | null; constraintMessage: string | null }[];
};

const bankSelect = {
  id: true,
  code: true,
  type: true,
  version: true,
  constraint: true,
  choiceList: { select: { name: true, choices: { orderBy: { position: "asc" }, select: { name: true } } } },
  texts: { select: { lang: true, label: true, hint: true, constraintMessage: true } },
} as const;

function sameAnswers(item: ImportedItem, question: BankQuestion, imported: ImportedQuestionnaire): boolean {
  if (item.type !== question.type) return false;
  if (!item.listName) return !question.choiceList;
  const list = imported.choiceLists.find((l) => l.name === item.listName);
  const names = (list?.choices ?? []).map((c) => c.name);
  return (
    !!question.choiceList && JSON.stringify(question.choiceList.choices.map((c) => c.name)) === JSON.stringify(names)
  );
}

function differs(mine: PartialLocalizedText, bank: Record<string, string | null>): boolean {
  return (Object.entries(mine) as [Language, string][]).some(([lang, text]) => bank[lang] !== text);
}

function bankText(
  question: BankQuestion,
  field: "label" | "hint" | "constraintMessage",
): Record<string, string | null> {
  return Object.fromEntries(question.texts.map((t) => [t.lang, t[field]]));
}

/** The file's wording where it differs from the bank's (stored as the questionnaire's own wording). */
function customWording(item: ImportedItem, question: BankQuestion) {
  const out: { label?: PartialLocalizedText; hint?: PartialLocalizedText } = {};
  if (differs(item.label, bankText(question, "label"))) out.label = item.label;
  if (differs(item.hint, bankText(question, "hint"))) out.hint = item.hint;
  return Object.keys(out).length ? out : null;
}

const json = (value: PartialLocalizedText) =>
  Object.keys(value).length ? (value as Prisma.InputJsonValue) : undefined;

export async function createQuestionnaireFromImport({
  imported,
  ownerId,
}: {
  imported: ImportedQuestionnaire;
  ownerId: string;
}): Promise<ImportOutcome> {
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const items = imported.sections.flatMap((s) => s.items);
      // Only the bank's published questions and the importer's own drafts are linked: another
      // researcher's draft (or a rejected or merged one) is private, and linking it would show its
      // texts in this questionnaire.
      const linkable = { OR: [{ status: "published" as const }, { status: "draft" as const, createdById: ownerId }] };
      const byCode = new Map(
        (
          await tx.question.findMany({
            where: { code: { in: items.map((i) => i.name) }, ...linkable },
            select: bankSelect,
          })
        ).map((q) => [q.code, q as BankQuestion]),
      );
      const englishLabels = items.map((i) => i.label.en).filter((l): l is string => !!l);
      const byEnglish = new Map<string, BankQuestion>();
      for (const text of await tx.questionText.findMany({
        where: { lang: "en", label: { in: englishLabels }, question: linkable },
        orderBy: { question: { status: "desc" } },
        select: { label: true, question: { select: bankSelect } },
      })) {
        if (!byEnglish.has(text.label)) byEnglish.set(text.label, text.question as BankQuestion);
      }

      // Decide every item before writing anything, so that a conflict writes nothing.
      const errors: ImportIssue[] = [];
      const linkedIds = new Set<string>();
      const plan = new Map<ImportedItem, BankQuestion | null>();
      for (const item of items) {
        const sameCode = byCode.get(item.name);
        if (sameCode) {
          if (!sameAnswers(item, sameCode, imported)) {
            errors.push({
              severity: "error",
              code: sameCode.type === item.type ? "code_choices_conflict" : "code_type_conflict",
              sheet: "survey",
              row: item.row,
              column: "name",
              value: item.name,
            });
            continue;
          }
          plan.set(item, linkedIds.has(sameCode.id) ? null : sameCode);
          linkedIds.add(sameCode.id);
          continue;
        }
        const sameWording = item.label.en ? byEnglish.get(item.label.en) : undefined;
        const link =
          sameWording && !linkedIds.has(sameWording.id) && sameAnswers(item, sameWording, imported)
            ? sameWording
            : null;
        if (link) linkedIds.add(link.id);
        plan.set(item, link);
      }
      if (errors.length) return { ok: false, errors };

      const listIds = await createChoiceLists(
        tx,
        imported,
        [...plan].filter(([, q]) => !q).map(([i]) => i),
        ownerId,
      );
      const takenCodes = new Set((await tx.question.findMany({ select: { code: true } })).map((q) => q.code));
      const sourceLanguage: Language = imported.languages.includes("en") ? "en" : imported.defaultLanguage;
      const created: string[] = [];
      const linked: string[] = [];
      const title = imported.title || imported.formId || "Imported questionnaire";
      const questionnaire = await tx.questionnaire.create({
        data: {
          ownerId,
          title: { [imported.defaultLanguage]: title },
          description: {},
          languages: imported.languages,
          defaultLanguage: imported.defaultLanguage,
          visibility: "private",
        },
        select: { id: true },
      });
      for (const [position, section] of imported.sections.entries()) {
        const dbSection = await tx.questionnaireSection.create({
          data: {
            questionnaireId: questionnaire.id,
            name: section.name,
            title: section.title,
            relevant: section.relevant ?? undefined,
            position,
          },
          select: { id: true },
        });
        for (const [itemPosition, item] of section.items.entries()) {
          const bankQuestion = plan.get(item) ?? null;
          let custom = null;
          let constraintMessage: PartialLocalizedText = {};
          if (bankQuestion) {
            linked.push(bankQuestion.code);
            custom = customWording(item, bankQuestion);
            if (differs(item.constraintMessage, bankText(bankQuestion, "constraintMessage")))
              constraintMessage = item.constraintMessage;
          }
          const question =
            bankQuestion ??
            (await createDraftQuestion(tx, {
              item,
              code: freeCode(toBankCode(item.name), takenCodes),
              listId: item.listName ? listIds.get(item.listName)! : null,
              ownerId,
              sourceLanguage,
            }));
          if (!bankQuestion) created.push(question.code);
          await tx.questionnaireItem.create({
            data: {
              questionnaireId: questionnaire.id,
              sectionId: dbSection.id,
              questionId: question.id,
              questionVersion: question.version,
              name: item.name,
              position: itemPosition,
              required: item.required,
              requiredMessage: json(item.requiredMessage),
              relevant: item.relevant ?? undefined,
              constraint: item.constraint && item.constraint !== question.constraint ? item.constraint : null,
              constraintMessage: json(constraintMessage),
              customText: custom ?? undefined,
            },
          });
        }
      }
      await recordAudit(tx, {
        actorId: ownerId,
        action: "questionnaire.import",
        entityType: "questionnaire",
        entityId: questionnaire.id,
        after: { title, languages: imported.languages, created, linked },
      });
      return { ok: true, questionnaireId: questionnaire.id, title, questions: items.length, created, linked };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

async function createDraftQuestion(
  tx: Tx,
  {
    item,
    code,
    listId,
    ownerId,
    sourceLanguage,
  }: { item: ImportedItem; code: string; listId: string | null; ownerId: string; sourceLanguage: Language },
) {
  const languages = Object.keys(item.label) as Language[];
  return tx.question.create({
    data: {
      code,
      type: item.type,
      status: "draft",
      sourceLanguage,
      choiceListId: listId,
      constraint: item.constraint,
      createdById: ownerId,
      texts: {
        create: languages.map((lang) => ({
          lang,
          label: item.label[lang]!,
          hint: item.hint[lang] ?? null,
          constraintMessage: item.constraintMessage[lang] ?? null,
          status: "draft" as const,
          sourceVersion: 1,
          updatedById: ownerId,
        })),
      },
    },
    select: { id: true, code: true, version: true, constraint: true },
  });
}

/**
 * The choice lists new questions need: an existing list with the same choices and English (or
 * default-language) labels is reused; any other list is created, its texts drafts like the question's.
 */
async function createChoiceLists(
  tx: Tx,
  imported: ImportedQuestionnaire,
  newItems: ImportedItem[],
  ownerId: string,
): Promise<Map<string, string>> {
  const needed = [...new Set(newItems.map((i) => i.listName).filter((l): l is string => !!l))];
  const ids = new Map<string, string>();
  if (!needed.length) return ids;
  const lang = imported.languages.includes("en") ? "en" : imported.defaultLanguage;
  const existing = await tx.choiceList.findMany({
    select: {
      id: true,
      name: true,
      choices: {
        orderBy: { position: "asc" },
        select: { name: true, texts: { where: { lang }, select: { label: true } } },
      },
    },
  });
  const signature = (choices: { name: string; label?: string }[]) =>
    JSON.stringify(choices.map((c) => [c.name, c.label ?? ""]));
  const bySignature = new Map(
    existing.map((l) => [signature(l.choices.map((c) => ({ name: c.name, label: c.texts[0]?.label }))), l.id]),
  );
  const takenNames = new Set(existing.map((l) => l.name));
  for (const name of needed) {
    const list = imported.choiceLists.find((l) => l.name === name)!;
    const reuse = bySignature.get(signature(list.choices.map((c) => ({ name: c.name, label: c.label[lang] }))));
    if (reuse) {
      ids.set(name, reuse);
      continue;
    }
    const created = await tx.choiceList.create({
      data: {
        name: freeCode(toBankCode(name), takenNames),
        shared: false,
        choices: {
          create: list.choices.map((choice, position) => ({
            name: choice.name,
            position,
            texts: {
              create: (Object.entries(choice.label) as [Language, string][]).map(([l, label]) => ({
                lang: l,
                label,
                status: "draft" as const,
                sourceVersion: 1,
                updatedById: ownerId,
              })),
            },
          })),
        },
      },
      select: { id: true },
    });
    ids.set(name, created.id);
  }
  return ids;
}
