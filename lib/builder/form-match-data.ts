// Which bank questions a questionnaire's own (imported) form already asks: for each of its
// questions (the first MATCHED, with a label in one of the bank's languages), the published bank
// question with the same wording in that language ("same" when its answers are the same too), else
// the most similar one (trigram similarity ≥ 0.5, "like"), with the links the researcher has made.
// Nothing is linked by this: the researcher decides, question by question (form-link-mutations.ts).
import "server-only";
import { getDb } from "../db/client";
import type { Language } from "../i18n/languages";
import { bankLanguageOf } from "../xlsform/bank-languages";
import { parseType, type FormModel, type SurveyNode } from "../xlsform/form";

export const MATCHED = 300;
/** Similarity is computed for at most this many questions without an identical wording. */
const SIMILAR = 60;

export type FormMatch = {
  path: string[];
  name: string;
  type: string;
  lang: Language | null;
  label: string | null;
  /** same: identical wording and answers; like: identical or similar wording, other answers; none: local */
  kind: "same" | "like" | "none";
  bank: { code: string; version: number; label: string; type: string; choices: string[] } | null;
  link: { code: string; version: number } | null;
};

type Own = { path: string[]; node: SurveyNode & { kind: "question" }; lang: Language | null; label: string | null };

const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function ownQuestions(form: FormModel): Own[] {
  const names = new Map<string, Language>();
  for (const l of form.languages) {
    const lang = bankLanguageOf(l.name);
    if (lang && ![...names.values()].includes(lang)) names.set(l.name, lang);
  }
  const out: Own[] = [];
  const visit = (nodes: SurveyNode[], parent: string[]) => {
    for (const node of nodes) {
      if (out.length >= MATCHED || node.kind === "skipped" || !node.name) continue;
      const path = [...parent, node.name];
      if (node.kind !== "question") {
        visit(node.children, path);
        continue;
      }
      // English first where the form has it: most of the bank was written in English.
      const candidates = [...names].sort(([, a], [, b]) => Number(b === "en") - Number(a === "en"));
      const found = candidates.find(([name]) => node.texts.label?.[name]?.trim());
      out.push({ path, node, lang: found?.[1] ?? null, label: found ? node.texts.label[found[0]].trim() : null });
    }
  };
  visit(form.survey, []);
  return out;
}

/** What the form's question answers with: its base type and, for a select, its choice names. */
function answersOf(form: FormModel, node: SurveyNode & { kind: "question" }) {
  const parsed = parseType(node.type);
  if (parsed.kind === "select") {
    const list = form.choiceLists.find((l) => l.name === parsed.listName);
    return { type: parsed.select, choices: (list?.choices ?? []).map((c) => c.name) };
  }
  return { type: parsed.kind === "question" ? parsed.type : node.type, choices: [] as string[] };
}

type BankRow = { idx: number; code: string; version: number; label: string; type: string; choices: string[] | null };

export async function findFormMatches(questionnaireId: string, form: FormModel): Promise<FormMatch[]> {
  const own = ownQuestions(form);
  const db = await getDb();
  const asked = own.map((o, idx) => ({ idx, lang: o.lang, label: o.label })).filter((o) => o.lang && o.label);
  const bankSelect = `q.code, q.version, qt.label, q.type::text AS type,
      (SELECT array_agg(c.name ORDER BY c.position) FROM choice c WHERE c."listId" = q."choiceListId") AS choices`;
  const exact = asked.length
    ? await db.$queryRawUnsafe<BankRow[]>(
        `SELECT DISTINCT ON (a.idx) a.idx::int AS idx, ${bankSelect}
         FROM unnest($1::int[], $2::text[], $3::text[]) AS a(idx, lang, label)
         JOIN question_text qt ON qt.lang = a.lang AND lower(regexp_replace(btrim(qt.label), '\\s+', ' ', 'g')) = a.label
         JOIN question q ON q.id = qt."questionId" AND q.status = 'published'
         ORDER BY a.idx, q.code`,
        asked.map((a) => a.idx),
        asked.map((a) => a.lang),
        asked.map((a) => normal(a.label!)),
      )
    : [];
  const found = new Map(exact.map((r) => [r.idx, r]));
  const rest = asked.filter((a) => !found.has(a.idx)).slice(0, SIMILAR);
  const similar = rest.length
    ? await db.$queryRawUnsafe<BankRow[]>(
        `SELECT DISTINCT ON (a.idx) a.idx::int AS idx, ${bankSelect}
         FROM unnest($1::int[], $2::text[], $3::text[]) AS a(idx, lang, label)
         JOIN question_text qt ON qt.lang = a.lang AND similarity(qt.label, a.label) >= 0.5
         JOIN question q ON q.id = qt."questionId" AND q.status = 'published'
         ORDER BY a.idx, similarity(qt.label, a.label) DESC, q.code`,
        rest.map((a) => a.idx),
        rest.map((a) => a.lang),
        rest.map((a) => a.label),
      )
    : [];
  for (const r of similar) found.set(r.idx, r);

  const links = await db.questionnaireFormLink.findMany({
    where: { questionnaireId },
    select: { path: true, questionVersion: true, question: { select: { code: true } } },
  });
  const linkOf = new Map(links.map((l) => [l.path, { code: l.question.code, version: l.questionVersion }]));

  return own.map((o, idx) => {
    const bank = found.get(idx) ?? null;
    const answers = answersOf(form, o.node);
    const sameWording = !!bank && !!o.label && normal(bank.label) === normal(o.label);
    const sameAnswers =
      !!bank && bank.type === answers.type && JSON.stringify(bank.choices ?? []) === JSON.stringify(answers.choices);
    return {
      path: o.path,
      name: o.node.name,
      type: o.node.type,
      lang: o.lang,
      label: o.label,
      kind: !bank ? "none" : sameWording && sameAnswers ? "same" : "like",
      bank: bank
        ? { code: bank.code, version: bank.version, label: bank.label, type: bank.type, choices: bank.choices ?? [] }
        : null,
      link: linkOf.get(o.path.join("/")) ?? null,
    };
  });
}

/** How many of the form's questions the researcher has linked to the bank. */
export async function countFormLinks(questionnaireId: string): Promise<number> {
  const db = await getDb();
  return db.questionnaireFormLink.count({ where: { questionnaireId } });
}
