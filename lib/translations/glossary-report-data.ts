// The glossary's bank-wide consistency report for one language: for each term, the published
// questions' texts (label, hint, constraint message, answer choices) whose English uses it, and
// whether their translation (approved, in review or draft: the working text translators see) uses
// the approved translation, a forbidden variant, or neither, with the questions to open for the
// last two.
import "server-only";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { findGlossaryEntries } from "./glossary-data";
import { findGlossaryTerms, forbiddenUsed, usesApproved } from "./glossary-match";
import { PENDING_SELECT, QUESTION_EXTRA_SELECT, sourceExtras, type QuestionExtra, workingText } from "./state";

/** How many questions a report row links to for each outcome (the counts are complete). */
export const REPORT_LINKS = 12;
const COUNTED = new Set(["approved", "in_review", "draft"]);

export type ConsistencyRow = {
  term: string;
  approved: string;
  texts: number;
  usesApproved: number;
  usesForbidden: number;
  neither: number;
  /** Question codes of the texts that use a forbidden variant, and of those that use neither */
  forbiddenIn: string[];
  neitherIn: string[];
};

type Pair = { code: string; source: string; target: string };

async function loadPairs(lang: Language): Promise<Pair[]> {
  const db = await getDb();
  const questions = await db.question.findMany({
    where: { status: "published" },
    orderBy: { code: "asc" },
    select: {
      code: true,
      constraint: true,
      texts: {
        where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
        select: {
          lang: true,
          label: true,
          status: true,
          sourceVersion: true,
          updatedById: true,
          ...QUESTION_EXTRA_SELECT,
          ...PENDING_SELECT,
        },
      },
      choiceList: {
        select: {
          choices: {
            select: {
              id: true,
              texts: {
                where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
                select: {
                  lang: true,
                  label: true,
                  status: true,
                  sourceVersion: true,
                  updatedById: true,
                  ...PENDING_SELECT,
                },
              },
            },
          },
        },
      },
    },
  });
  const pairs: Pair[] = [];
  const seenChoices = new Set<string>();
  const add = (code: string, source: string | null | undefined, target: string | null | undefined) => {
    if (source?.trim() && target?.trim()) pairs.push({ code, source, target });
  };
  for (const q of questions) {
    const src = q.texts.find((t) => t.lang === SOURCE_LANGUAGE);
    const row = q.texts.find((t) => t.lang === lang);
    const work = row ? workingText(row) : null;
    if (src && work && COUNTED.has(work.status)) {
      add(q.code, src.label, work.label);
      for (const [field, source] of Object.entries(sourceExtras(q, src)) as [QuestionExtra, string | null][])
        add(q.code, source, work[field]);
    }
    // A shared list's choice is counted once, under the first question (by code) that uses it.
    for (const c of q.choiceList?.choices ?? []) {
      if (seenChoices.has(c.id)) continue;
      seenChoices.add(c.id);
      const s = c.texts.find((t) => t.lang === SOURCE_LANGUAGE);
      const tr = c.texts.find((t) => t.lang === lang);
      const w = tr ? workingText(tr) : null;
      if (s && w && COUNTED.has(w.status)) add(q.code, s.label, w.label);
    }
  }
  return pairs;
}

export async function findConsistencyReport(lang: Language): Promise<ConsistencyRow[]> {
  const [entries, pairs] = await Promise.all([findGlossaryEntries(await getDb(), lang), loadPairs(lang)]);
  const rows = new Map(
    entries.map((e) => [
      e,
      {
        term: e.term,
        approved: e.approved,
        texts: 0,
        usesApproved: 0,
        usesForbidden: 0,
        neither: 0,
        forbiddenIn: [],
        neitherIn: [],
      } as ConsistencyRow,
    ]),
  );
  for (const pair of pairs) {
    for (const entry of new Set(findGlossaryTerms(pair.source, entries).map((h) => h.entry))) {
      const row = rows.get(entry)!;
      row.texts++;
      const link = (list: string[]) => {
        if (list.length < REPORT_LINKS && !list.includes(pair.code)) list.push(pair.code);
      };
      if (forbiddenUsed(pair.target, entry).length) {
        row.usesForbidden++;
        link(row.forbiddenIn);
      } else if (usesApproved(pair.target, entry)) row.usesApproved++;
      else {
        row.neither++;
        link(row.neitherIn);
      }
    }
  }
  return [...rows.values()];
}
