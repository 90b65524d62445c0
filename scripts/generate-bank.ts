// Fills a database with a synthetic bank of realistic shape, for the search benchmark:
//   npm run bank:generate -- --questions 100000        (DATABASE_URL, or PGLITE_DIR for PGlite)
// Texts are built from the real seed texts (prisma/seed/questions/*.json): each synthetic label takes
// a real label's sentence shape and swaps words for words of the same language, drawn with the
// seed's own word frequencies (synthetic-texts.ts); a template's hazard placeholders are kept, so
// the seed's share of multi-hazard questions carries over. Choices come from the real choice lists; indicators, tags and sources
// from the seeded framework. Some translations are missing or in draft, some questions are drafts.
// Triggers are switched off during the load; search rows and counts are then rebuilt in bulk.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { openAdapter, resolveTarget } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrations";
import { readEnv } from "../lib/env";
import { LANGUAGES } from "../lib/i18n/languages";
import { usesHazard } from "../lib/hazards/placeholder";
import { createRandom, pickWith, synthesize as synthesizeWith, wordPools, type SeedQuestion } from "./synthetic-texts";

type Exec = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

// One seeded generator for the whole run, so that two runs build the same bank.
const random = createRandom(42);
const pick = pickWith(random);
const synthesize = (template: string, pool: string[]) => synthesizeWith(template, pool, random);

async function loadSeedTexts(): Promise<SeedQuestion[]> {
  const dir = path.join(process.cwd(), "prisma", "seed", "questions");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const all: SeedQuestion[] = [];
  for (const f of files)
    all.push(...(JSON.parse(await readFile(path.join(dir, f), "utf8")).questions as SeedQuestion[]));
  return all;
}

const BULK_SEARCH_ROWS = `
WITH todo AS (
  SELECT q.id, q.code, q.status, q.type, q."sourceId", q."choiceListId" FROM question q
  WHERE NOT EXISTS (SELECT 1 FROM question_search s WHERE s."questionId" = q.id)
), choices AS (
  SELECT c."listId", ct.lang, string_agg(ct.label, ' ' ORDER BY c.position) AS labels
  FROM choice c JOIN choice_text ct ON ct."choiceId" = c.id GROUP BY 1, 2
), extra AS (
  SELECT t.id, t.code || ' ' || coalesce(string_agg(replace(tg.name, '-', ' '), ' '), '') AS extra
  FROM todo t LEFT JOIN question_tag qt ON qt."questionId" = t.id LEFT JOIN tag tg ON tg.id = qt."tagId" GROUP BY t.id, t.code
)
INSERT INTO question_search ("questionId", status, facets, en, es, fr, ar)
SELECT t.id, t.status,
  ARRAY(SELECT DISTINCT v FROM (
      SELECT 'status:' || t.status::text AS v
      UNION ALL SELECT 'type:' || t.type::text
      UNION ALL SELECT 'source:' || s.key FROM source s WHERE s.id = t."sourceId"
      UNION ALL SELECT unnest(ARRAY['indicator:' || i.code, 'topic:' || tp.code, 'domain:' || d.code])
        FROM question_indicator qi JOIN indicator i ON i.id = qi."indicatorId" JOIN topic tp ON tp.id = i."topicId" JOIN domain d ON d.id = tp."domainId"
        WHERE qi."questionId" = t.id
      UNION ALL SELECT 'tag:' || tg.name FROM question_tag qt JOIN tag tg ON tg.id = qt."tagId" WHERE qt."questionId" = t.id
      UNION ALL SELECT 'tr:' || l || ':' || coalesce((SELECT x.status::text FROM question_text x WHERE x."questionId" = t.id AND x.lang = l), 'missing')
        FROM unnest(ARRAY['en', 'es', 'fr', 'ar']) l
    ) f ORDER BY v),
  qb_search_document('en', en.label, en.hint, cen.labels, e.extra),
  qb_search_document('es', es.label, es.hint, ces.labels, e.extra),
  qb_search_document('fr', fr.label, fr.hint, cfr.labels, e.extra),
  qb_search_document('ar', ar.label, ar.hint, car.labels, e.extra)
FROM todo t
JOIN extra e ON e.id = t.id
LEFT JOIN question_text en ON en."questionId" = t.id AND en.lang = 'en'
LEFT JOIN question_text es ON es."questionId" = t.id AND es.lang = 'es'
LEFT JOIN question_text fr ON fr."questionId" = t.id AND fr.lang = 'fr'
LEFT JOIN question_text ar ON ar."questionId" = t.id AND ar.lang = 'ar'
LEFT JOIN choices cen ON cen."listId" = t."choiceListId" AND cen.lang = 'en'
LEFT JOIN choices ces ON ces."listId" = t."choiceListId" AND ces.lang = 'es'
LEFT JOIN choices cfr ON cfr."listId" = t."choiceListId" AND cfr.lang = 'fr'
LEFT JOIN choices car ON car."listId" = t."choiceListId" AND car.lang = 'ar'`;

const BULK_VOCABULARY = `
INSERT INTO search_word (lang, word)
SELECT DISTINCT lang, w FROM (
  SELECT lang, concat_ws(' ', label, hint) AS body FROM question_text
  UNION ALL SELECT lang, label FROM choice_text
) t, unnest(tsvector_to_array(to_tsvector('simple', qb_normalize(t.body)))) w
WHERE length(w) >= 3 AND w !~ '[0-9]'
ON CONFLICT DO NOTHING`;

async function main() {
  const total = argValue("questions", 100_000);
  const batch = 1_000;
  const env = readEnv();
  const target = resolveTarget(env);
  const opened = await openAdapter(target);
  let exec: Exec;
  let close: () => Promise<void>;
  if (target.kind === "postgres") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    exec = async (sql, params) => (await client.query(sql, params)).rows;
    close = () => client.end();
  } else {
    const db = opened.pglite!;
    exec = async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows;
    close = () => db.close();
  }
  console.log(`Migrating ${target.kind}…`);
  await applyMigrations(opened.adapter);
  if (Number((await exec("SELECT count(*)::int AS n FROM domain"))[0].n) === 0) {
    console.log("Seeding the real bank first (framework, sources, choice lists)…");
    const { seedDatabase } = await import("../prisma/seed");
    await seedDatabase(opened.adapter, { demoAccounts: false, log: () => {} });
  }
  const questions = await loadSeedTexts();
  const pools = wordPools(questions);
  const indicators = (await exec("SELECT id FROM indicator WHERE type = 'behavioural'")).map((r) => String(r.id));
  const tags = (await exec("SELECT id FROM tag")).map((r) => String(r.id));
  const sources = (await exec("SELECT id FROM source")).map((r) => String(r.id));
  const lists = (await exec("SELECT id FROM choice_list")).map((r) => String(r.id));
  const existing = Number((await exec("SELECT count(*)::int AS n FROM question WHERE code LIKE 'gen_%'"))[0].n);
  console.log(`Generating ${total - existing} questions (${existing} already there)…`);
  const started = Date.now();
  let withHazard = 0;
  // Triggers off for the load (superuser); the search rows are rebuilt below.
  await exec("SET session_replication_role = replica");
  for (let from = existing; from < total; from += batch) {
    const n = Math.min(batch, total - from);
    const q = {
      id: [] as string[],
      code: [] as string[],
      type: [] as string[],
      status: [] as string[],
      list: [] as (string | null)[],
      source: [] as string[],
    };
    const t = {
      q: [] as string[],
      lang: [] as string[],
      label: [] as string[],
      hint: [] as (string | null)[],
      status: [] as string[],
    };
    const qi = { q: [] as string[], i: [] as string[] };
    const qt = { q: [] as string[], t: [] as string[] };
    for (let k = 0; k < n; k++) {
      const index = from + k;
      const id = `gen${index.toString(36).padStart(8, "0")}`;
      const template = pick(questions);
      if (usesHazard(template.label.en) || usesHazard(template.hint?.en)) withHazard++;
      const selectType = template.type === "select_one" || template.type === "select_multiple";
      q.id.push(id);
      q.code.push(`gen_${index}`);
      q.type.push(template.type);
      q.status.push(random() < 0.08 ? "draft" : random() < 0.03 ? "retired" : "published");
      q.list.push(selectType ? pick(lists) : null);
      q.source.push(pick(sources));
      for (const lang of LANGUAGES) {
        const roll = random();
        if (lang !== "en" && roll < 0.06) continue; // missing translation
        t.q.push(id);
        t.lang.push(lang);
        t.label.push(synthesize(template.label[lang], pools[lang]));
        t.hint.push(template.hint && random() < 0.5 ? synthesize(template.hint[lang], pools[lang]) : null);
        t.status.push(lang !== "en" && roll < 0.15 ? pick(["draft", "in_review", "outdated"]) : "approved");
      }
      for (const ind of new Set([pick(indicators), ...(random() < 0.3 ? [pick(indicators)] : [])])) {
        qi.q.push(id);
        qi.i.push(ind);
      }
      for (const tag of new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(tags)))) {
        qt.q.push(id);
        qt.t.push(tag);
      }
    }
    await exec(
      `INSERT INTO question (id, code, type, status, "choiceListId", "sourceId", "sourceRelation", "updatedAt", "publishedAt")
       SELECT id, code, type::"QuestionType", status::"QuestionStatus", list, source, 'adapted', now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, code, type, status, list, source)`,
      [q.id, q.code, q.type, q.status, q.list, q.source],
    );
    await exec(
      `INSERT INTO question_text (id, "questionId", lang, label, hint, status, "sourceVersion", "updatedAt")
       SELECT qid || '_' || lang, qid, lang, label, hint, status::"TranslationStatus", 1, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(qid, lang, label, hint, status)`,
      [t.q, t.lang, t.label, t.hint, t.status],
    );
    await exec(
      `INSERT INTO question_indicator ("questionId", "indicatorId") SELECT * FROM unnest($1::text[], $2::text[])`,
      [qi.q, qi.i],
    );
    await exec(`INSERT INTO question_tag ("questionId", "tagId") SELECT * FROM unnest($1::text[], $2::text[])`, [
      qt.q,
      qt.t,
    ]);
    if ((from + n) % 10_000 === 0 || from + n === total)
      console.log(`  ${from + n} questions inserted (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Fresh statistics first: planned on an empty table's estimates, the bulk insert below joins the
  // new questions with nested loops and takes minutes instead of seconds.
  await exec("ANALYZE");
  console.log("Building search rows…");
  // The same rows as qb_search_refresh() (migration add_search) writes one question at a time,
  // built here in one set-based pass for the questions that have none yet.
  await exec(BULK_SEARCH_ROWS);
  console.log(`  search rows built (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // The postings (lib/search/ranking.ts) of the new search rows, which the row trigger would have written.
  await exec("SELECT qb_search_postings_fill()");
  console.log(`  postings built (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  await exec(BULK_VOCABULARY);
  await exec("SELECT qb_search_recount()");
  await exec("SET session_replication_role = DEFAULT");
  await exec("ANALYZE");
  const counts = (
    await exec(
      "SELECT (SELECT count(*) FROM question)::int AS questions, (SELECT count(*) FROM question_text)::int AS texts, (SELECT count(*) FROM search_word)::int AS words",
    )
  )[0];
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.questions} questions, ${counts.texts} texts, ${counts.words} vocabulary words.`,
  );
  console.log(`  ${withHazard} of the ${total - existing} new questions name the hazard through a placeholder.`);
  await close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
