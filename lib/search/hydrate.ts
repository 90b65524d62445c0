// The questions of one page of results in the API's shape, read in ONE statement: each question
// as a JSON document built by PostgreSQL. Prisma's nested reads would take six round trips per page
// (question, texts, choice list, choices and their texts, indicators, tags, source).
import { LANGUAGES, type Language, type LocalizedText } from "../i18n/languages";
import { PUBLIC_QUESTION_SQL } from "../bank/visibility";
import type { SqlQuery } from "./query";
import type { ApiQuestion } from "./types";
import type { TranslationState } from "../vocabulary/enums";

const DOCUMENT = `json_build_object(
  'id', q.id, 'code', q.code, 'type', q.type, 'status', q.status, 'version', q.version,
  'updatedAt', to_char(q."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'texts', (SELECT json_agg(json_build_object('lang', t.lang, 'label', t.label, 'hint', t.hint, 'status', t.status)) FROM question_text t WHERE t."questionId" = q.id),
  'choices', (SELECT json_agg(json_build_object('name', c.name, 'labels', (SELECT json_object_agg(ct.lang, ct.label) FROM choice_text ct WHERE ct."choiceId" = c.id)) ORDER BY c.position) FROM choice c WHERE c."listId" = q."choiceListId"),
  'indicators', (SELECT json_agg(json_build_object('code', i.code, 'name', i.name) ORDER BY i.code) FROM question_indicator qi JOIN indicator i ON i.id = qi."indicatorId" WHERE qi."questionId" = q.id),
  'tags', (SELECT json_agg(g.name ORDER BY g.name) FROM question_tag qt JOIN tag g ON g.id = qt."tagId" WHERE qt."questionId" = q.id),
  'source', (SELECT json_build_object('key', s.key, 'organisation', s.organisation, 'title', s.title, 'year', s.year, 'url', s.url, 'licence', s.licence) FROM source s WHERE s.id = q."sourceId")
)::text`;

/** Questions by id (the search chose them), or one by code: public only unless `includeDrafts`. */
export function questionDocumentsQuery(where: { ids: string[] } | { code: string; includeDrafts?: boolean }): SqlQuery {
  if ("ids" in where)
    return { text: `SELECT ${DOCUMENT} AS doc FROM question q WHERE q.id = ANY($1::text[])`, values: [where.ids] };
  const visible = where.includeDrafts ? "" : ` AND ${PUBLIC_QUESTION_SQL}`;
  return { text: `SELECT ${DOCUMENT} AS doc FROM question q WHERE q.code = $1${visible}`, values: [where.code] };
}

type Document = {
  id: string;
  code: string;
  type: string;
  status: ApiQuestion["status"];
  version: number;
  updatedAt: string;
  texts: { lang: string; label: string; hint: string | null; status: TranslationState }[] | null;
  choices: { name: string; labels: Record<string, string> | null }[] | null;
  indicators: { code: string; name: LocalizedText }[] | null;
  tags: string[] | null;
  source: ApiQuestion["source"];
};

function perLanguage<T>(make: (lang: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, make(l)])) as Record<Language, T>;
}

/** One row of questionDocumentsQuery → its id and the question in the API's shape. */
export function toApiQuestion(doc: string): { id: string; question: ApiQuestion } {
  const d = JSON.parse(doc) as Document;
  const texts = d.texts ?? [];
  return {
    id: d.id,
    question: {
      code: d.code,
      type: d.type,
      status: d.status,
      version: d.version,
      updatedAt: d.updatedAt,
      text: perLanguage((lang) => {
        const t = texts.find((x) => x.lang === lang);
        return t
          ? { label: t.label, hint: t.hint, status: t.status }
          : { label: null, hint: null, status: "missing" as const };
      }),
      choices: (d.choices ?? []).map((c) => ({ name: c.name, label: perLanguage((lang) => c.labels?.[lang] ?? null) })),
      indicators: d.indicators ?? [],
      tags: d.tags ?? [],
      source: d.source,
    },
  };
}
