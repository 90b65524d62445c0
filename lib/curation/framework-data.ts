// The framework as its editor needs it: codes, names in every language, the revision each save
// claims, and how many questions point at each indicator.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { LocalizedText } from "../i18n/languages";
import { parseStoredComputation, type IndicatorComputation } from "../framework/schema";

export type EditableIndicator = {
  code: string;
  type: "behavioural" | "contextual";
  name: LocalizedText;
  definition: LocalizedText;
  revision: number;
  questions: number;
  retired: boolean;
  mergedInto: string | null;
  computation: IndicatorComputation | null;
};
export type EditableTopic = { code: string; name: LocalizedText; revision: number; indicators: EditableIndicator[] };
export type EditableDomain = {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  revision: number;
  topics: EditableTopic[];
};

export type FrameworkKind = "domain" | "topic" | "indicator";

/** One framework entry as saved now: what a conflict shows beside the administrator's own input. */
export type FrameworkVersion = {
  kind: FrameworkKind;
  code: string;
  /** the domain of a topic, the topic of an indicator */
  parent: string | null;
  type: "behavioural" | "contextual" | null;
  name: LocalizedText;
  /** description of a domain, definition of an indicator */
  text: LocalizedText | null;
  revision: number;
  retired: boolean;
  mergedInto: string | null;
  /** an indicator's computable definition (null for none, and for domains and topics) */
  computation?: IndicatorComputation | null;
};

/** The saved version inside the writing transaction (null when it was deleted meanwhile). */
export async function frameworkVersionInTx(
  tx: Prisma.TransactionClient,
  kind: FrameworkKind,
  code: string,
): Promise<FrameworkVersion | null> {
  const base = { kind, type: null, text: null, retired: false, mergedInto: null } as const;
  if (kind === "domain") {
    const d = await tx.domain.findUnique({
      where: { code },
      select: { code: true, name: true, description: true, revision: true },
    });
    return (
      d && {
        ...base,
        code: d.code,
        parent: null,
        name: d.name as LocalizedText,
        text: d.description as LocalizedText,
        revision: d.revision,
      }
    );
  }
  if (kind === "topic") {
    const t = await tx.topic.findUnique({
      where: { code },
      select: { code: true, name: true, revision: true, domain: { select: { code: true } } },
    });
    return t && { ...base, code: t.code, parent: t.domain.code, name: t.name as LocalizedText, revision: t.revision };
  }
  const i = await tx.indicator.findUnique({
    where: { code },
    select: {
      code: true,
      type: true,
      name: true,
      definition: true,
      computation: true,
      revision: true,
      retiredAt: true,
      mergedIntoId: true,
      topic: { select: { code: true } },
    },
  });
  if (!i) return null;
  const into = i.mergedIntoId
    ? await tx.indicator.findUnique({ where: { id: i.mergedIntoId }, select: { code: true } })
    : null;
  return {
    kind,
    code: i.code,
    parent: i.topic.code,
    type: i.type,
    name: i.name as LocalizedText,
    text: i.definition as LocalizedText,
    revision: i.revision,
    retired: i.retiredAt !== null,
    mergedInto: into?.code ?? null,
    computation: parseStoredComputation(i.computation),
  };
}

export async function findFrameworkForEditing(): Promise<EditableDomain[]> {
  const db = await getDb();
  const domains = await db.domain.findMany({
    orderBy: { position: "asc" },
    select: {
      code: true,
      name: true,
      description: true,
      revision: true,
      topics: {
        orderBy: { position: "asc" },
        select: {
          code: true,
          name: true,
          revision: true,
          indicators: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              code: true,
              type: true,
              name: true,
              definition: true,
              computation: true,
              revision: true,
              retiredAt: true,
              mergedIntoId: true,
              _count: { select: { questions: true } },
            },
          },
        },
      },
    },
  });
  const codeOf = new Map(
    domains.flatMap((d) => d.topics.flatMap((t) => t.indicators.map((i) => [i.id, i.code] as const))),
  );
  return domains.map((d) => ({
    code: d.code,
    name: d.name as LocalizedText,
    description: d.description as LocalizedText,
    revision: d.revision,
    topics: d.topics.map((t) => ({
      code: t.code,
      name: t.name as LocalizedText,
      revision: t.revision,
      indicators: t.indicators.map((i) => ({
        code: i.code,
        type: i.type,
        name: i.name as LocalizedText,
        definition: i.definition as LocalizedText,
        revision: i.revision,
        questions: i._count.questions,
        retired: i.retiredAt !== null,
        mergedInto: i.mergedIntoId ? (codeOf.get(i.mergedIntoId) ?? null) : null,
        computation: parseStoredComputation(i.computation),
      })),
    })),
  }));
}
