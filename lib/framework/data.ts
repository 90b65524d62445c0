// Reads of the framework tree (domain → topic → indicator).
import "server-only";
import { getDb } from "../db/client";
import type { LocalizedText } from "../i18n/languages";
import { parseStoredComputation, type IndicatorComputation } from "./schema";

export type IndicatorNode = {
  code: string;
  type: "behavioural" | "contextual";
  name: LocalizedText;
  definition: LocalizedText;
  retired: boolean;
  publishedQuestions: number;
  /** The computable definition over the key question's answers (null: none yet, or contextual) */
  computation: IndicatorComputation | null;
};
export type TopicNode = { code: string; name: LocalizedText; publishedQuestions: number; indicators: IndicatorNode[] };
export type DomainNode = {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  publishedQuestions: number;
  topics: TopicNode[];
};

/**
 * The whole tree, ordered, with the number of published questions at every level (a question counts
 * once per node), read from the search's facet counts, which triggers keep exact.
 */
export async function findFrameworkTree(): Promise<DomainNode[]> {
  const db = await getDb();
  const [domains, counts] = await Promise.all([
    db.domain.findMany({
      orderBy: { position: "asc" },
      select: {
        code: true,
        name: true,
        description: true,
        topics: {
          orderBy: { position: "asc" },
          select: {
            code: true,
            name: true,
            indicators: {
              orderBy: { position: "asc" },
              select: { code: true, type: true, name: true, definition: true, computation: true, retiredAt: true },
            },
          },
        },
      },
    }),
    db.searchFacetCount.findMany({
      where: { status: "published", count: { gt: 0 } },
      select: { value: true, count: true },
    }),
  ]);
  const count = new Map(counts.map((c) => [c.value, c.count]));
  return domains.map((d) => ({
    code: d.code,
    name: d.name as LocalizedText,
    description: d.description as LocalizedText,
    publishedQuestions: count.get(`domain:${d.code}`) ?? 0,
    topics: d.topics.map((t) => ({
      code: t.code,
      name: t.name as LocalizedText,
      publishedQuestions: count.get(`topic:${t.code}`) ?? 0,
      indicators: t.indicators.map((i) => ({
        code: i.code,
        type: i.type,
        name: i.name as LocalizedText,
        definition: i.definition as LocalizedText,
        retired: i.retiredAt !== null,
        publishedQuestions: count.get(`indicator:${i.code}`) ?? 0,
        computation: parseStoredComputation(i.computation),
      })),
    })),
  }));
}

export type IndicatorDetail = IndicatorNode & {
  topic: { code: string; name: LocalizedText };
  domain: { code: string; name: LocalizedText };
  references: string[];
};

export async function findIndicator(code: string): Promise<IndicatorDetail | null> {
  const db = await getDb();
  const row = await db.indicator.findUnique({
    where: { code },
    select: {
      code: true,
      type: true,
      name: true,
      definition: true,
      computation: true,
      retiredAt: true,
      references: true,
      topic: { select: { code: true, name: true, domain: { select: { code: true, name: true } } } },
      _count: { select: { questions: { where: { question: { status: "published" } } } } },
    },
  });
  if (!row) return null;
  return {
    code: row.code,
    type: row.type,
    name: row.name as LocalizedText,
    definition: row.definition as LocalizedText,
    retired: row.retiredAt !== null,
    publishedQuestions: row._count.questions,
    computation: parseStoredComputation(row.computation),
    references: row.references,
    topic: { code: row.topic.code, name: row.topic.name as LocalizedText },
    domain: { code: row.topic.domain.code, name: row.topic.domain.name as LocalizedText },
  };
}
