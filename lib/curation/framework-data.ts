// The framework as its editor needs it: codes, names in every language, the change stamp each
// save carries back, and how many questions point at each indicator.
import { getDb } from "../db/client";
import type { LocalizedText } from "../i18n/languages";

export type EditableIndicator = {
  code: string;
  type: "behavioural" | "contextual";
  name: LocalizedText;
  definition: LocalizedText;
  updatedAt: string;
  questions: number;
  retired: boolean;
  mergedInto: string | null;
};
export type EditableTopic = { code: string; name: LocalizedText; updatedAt: string; indicators: EditableIndicator[] };
export type EditableDomain = { code: string; name: LocalizedText; description: LocalizedText; updatedAt: string; topics: EditableTopic[] };

export async function findFrameworkForEditing(): Promise<EditableDomain[]> {
  const db = await getDb();
  const domains = await db.domain.findMany({
    orderBy: { position: "asc" },
    select: {
      code: true,
      name: true,
      description: true,
      updatedAt: true,
      topics: {
        orderBy: { position: "asc" },
        select: {
          code: true,
          name: true,
          updatedAt: true,
          indicators: {
            orderBy: { position: "asc" },
            select: { id: true, code: true, type: true, name: true, definition: true, updatedAt: true, retiredAt: true, mergedIntoId: true, _count: { select: { questions: true } } },
          },
        },
      },
    },
  });
  const codeOf = new Map(domains.flatMap((d) => d.topics.flatMap((t) => t.indicators.map((i) => [i.id, i.code] as const))));
  return domains.map((d) => ({
    code: d.code,
    name: d.name as LocalizedText,
    description: d.description as LocalizedText,
    updatedAt: d.updatedAt.toISOString(),
    topics: d.topics.map((t) => ({
      code: t.code,
      name: t.name as LocalizedText,
      updatedAt: t.updatedAt.toISOString(),
      indicators: t.indicators.map((i) => ({
        code: i.code,
        type: i.type,
        name: i.name as LocalizedText,
        definition: i.definition as LocalizedText,
        updatedAt: i.updatedAt.toISOString(),
        questions: i._count.questions,
        retired: i.retiredAt !== null,
        mergedInto: i.mergedIntoId ? (codeOf.get(i.mergedIntoId) ?? null) : null,
      })),
    })),
  }));
}
