// The questionnaire's outline as the skip-logic checks (lib/builder/skip-logic.ts) read it: sections
// and items in order, each item with the answer type and choices of the bank version it follows.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { relevanceSchema } from "../questionnaires/relevance-schema";
import type { QuestionType } from "../vocabulary/enums";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { OutlineSection } from "./skip-logic";

type Tx = Prisma.TransactionClient;

type OutlineRow = OutlineSection & {
  id: string;
  items: (OutlineSection["items"][number] & { id: string; questionId: string })[];
};

type OutlineDbRow = {
  section_id: string;
  section_name: string;
  section_relevant: unknown;
  item_id: string | null;
  item_name: string | null;
  item_relevant: unknown;
  question_id: string | null;
  question_version: number | null;
  type: string | null;
  current_version: number | null;
  choices: string[] | null;
};

/**
 * The questionnaire's sections and items with each item's answer type and choices, in order: one
 * statement (it was five, run after every structural change while the transaction held its
 * connection).
 */
export async function loadOutline(tx: Tx, questionnaireId: string): Promise<OutlineRow[]> {
  const rows = await tx.$queryRaw<OutlineDbRow[]>`
    SELECT s.id AS section_id, s.name AS section_name, s.relevant AS section_relevant,
           i.id AS item_id, i.name AS item_name, i.relevant AS item_relevant, i."questionId" AS question_id, i."questionVersion" AS question_version,
           q.type::text AS type, q.version AS current_version,
           CASE WHEN q."choiceListId" IS NULL THEN NULL
                ELSE COALESCE((SELECT array_agg(c.name ORDER BY c.position) FROM choice c WHERE c."listId" = q."choiceListId"), '{}') END AS choices
    FROM questionnaire_section s
    LEFT JOIN questionnaire_item i ON i."sectionId" = s.id
    LEFT JOIN question q ON q.id = i."questionId"
    WHERE s."questionnaireId" = ${questionnaireId}
    ORDER BY s.position, s.name, i.position, i.name`;
  // An item behind the bank answers with its own version's type and choices (lib/questionnaires/item-texts.ts).
  const behind = rows.filter((r) => r.item_id && r.question_version! < r.current_version!);
  const pinned = behind.length
    ? await tx.questionVersion.findMany({
        where: { OR: behind.map((r) => ({ questionId: r.question_id!, version: r.question_version! })) },
        select: { questionId: true, version: true, snapshot: true },
      })
    : [];
  const snapshotOf = (r: OutlineDbRow) =>
    pinned.find((p) => p.questionId === r.question_id && p.version === r.question_version)?.snapshot as
      QuestionSnapshot | undefined;
  const rules = (value: unknown) => (value ? (relevanceSchema.safeParse(value).data ?? null) : null);
  const sections = new Map<string, OutlineRow>();
  for (const r of rows) {
    let section = sections.get(r.section_id);
    if (!section)
      sections.set(
        r.section_id,
        (section = { id: r.section_id, name: r.section_name, relevant: rules(r.section_relevant), items: [] }),
      );
    if (!r.item_id) continue;
    const snapshot = r.question_version! < r.current_version! ? snapshotOf(r) : undefined;
    const type = (snapshot?.type ?? r.type) as QuestionType;
    const choices = snapshot ? (snapshot.choiceList ? snapshot.choices.map((c) => c.name) : null) : r.choices;
    section.items.push({
      id: r.item_id,
      name: r.item_name!,
      questionId: r.question_id!,
      type,
      choices,
      relevant: rules(r.item_relevant),
    });
  }
  return [...sections.values()];
}
