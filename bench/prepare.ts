// Run in a child process against one filled database (its env: DATABASE_URL or PGLITE_DIR), before
// the server starts (PGlite allows one process): creates the benchmark's researcher and a 300-item
// questionnaire in four languages through the app's own code paths (insertUser, createQuestionnaire,
// applyBuilderChange), and writes what it made and the database's counts to the file named by argv[2].
//   node --import tsx bench/prepare.ts out.json      (BENCH_EMAIL and BENCH_PASSWORD in the environment)
import { writeFile } from "node:fs/promises";
import { hashPassword } from "better-auth/crypto";
import { getDb } from "../lib/db/client";
import type { Person } from "../lib/auth/permissions";
import { insertUser } from "../lib/users/mutations";
import { applyBuilderChange, createQuestionnaire } from "../lib/builder/mutations";
import { closeAppDatabase } from "./app-database";

const QUESTIONNAIRE_ITEMS = 300;
const SECTIONS = 3;

async function main() {
  const out = process.argv[2];
  const email = process.env.BENCH_EMAIL;
  const password = process.env.BENCH_PASSWORD;
  if (!out || !email || !password)
    throw new Error("usage: BENCH_EMAIL=… BENCH_PASSWORD=… node --import tsx bench/prepare.ts out.json");
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction((tx) =>
    insertUser(tx, {
      actorId: null,
      input: {
        email,
        name: "Benchmark researcher",
        roles: ["researcher"],
        translateLanguages: [],
        reviewLanguages: [],
      },
      passwordHash,
    }),
  );
  const actor: Person = user;

  // Published questions with an approved label in all four languages and a hint in all four or in
  // none (the generator drops hints per language), so that the export needs no fallback.
  const rows = await db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT q.code FROM question q
     WHERE q.status = 'published'
       AND (SELECT count(*) FROM question_text t WHERE t."questionId" = q.id AND t.status = 'approved') = 4
       AND (SELECT count(t.hint) FROM question_text t WHERE t."questionId" = q.id) IN (0, 4)
     ORDER BY q.code LIMIT $1`,
    QUESTIONNAIRE_ITEMS,
  );
  if (rows.length < QUESTIONNAIRE_ITEMS)
    throw new Error(`only ${rows.length} fully translated published questions: fill the bank with more`);

  const { id } = await createQuestionnaire({
    actor,
    settings: {
      title: { en: "Benchmark survey", es: "Encuesta de referencia", fr: "Enquête de référence", ar: "استبيان مرجعي" },
      description: {},
      languages: ["en", "es", "fr", "ar"],
      defaultLanguage: "en",
      // The generated bank keeps the seed's hazard placeholders: the export needs the hazard they name.
      hazard: "covid-19",
    },
  });
  let revision = 0;
  for (let s = 1; s < SECTIONS; s++) {
    const title = { en: `Part ${s + 1}`, es: `Parte ${s + 1}`, fr: `Partie ${s + 1}`, ar: `الجزء ${s + 1}` };
    revision = (await applyBuilderChange({ actor, change: { op: "addSection", questionnaireId: id, revision, title } }))
      .revision;
  }
  const sectionIds = (
    await db.questionnaireSection.findMany({
      where: { questionnaireId: id },
      orderBy: { position: "asc" },
      select: { id: true },
    })
  ).map((s) => s.id);
  if (sectionIds.length !== SECTIONS) throw new Error(`expected ${SECTIONS} sections, found ${sectionIds.length}`);
  const perSection = QUESTIONNAIRE_ITEMS / SECTIONS;
  for (let s = 0; s < SECTIONS; s++) {
    const codes = rows.slice(s * perSection, (s + 1) * perSection).map((r) => r.code);
    revision = (
      await applyBuilderChange({
        actor,
        change: { op: "addQuestions", questionnaireId: id, revision, codes, sectionId: sectionIds[s] },
      })
    ).revision;
  }

  const [counts] = await db.$queryRawUnsafe<{ questions: number; published: number; texts: number; version: string }[]>(
    `SELECT (SELECT count(*) FROM question)::int AS questions,
            (SELECT count(*) FROM question WHERE status = 'published')::int AS published,
            (SELECT count(*) FROM question_text)::int AS texts,
            current_setting('server_version') AS version`,
  );
  await writeFile(out, JSON.stringify({ questionnaireId: id, items: QUESTIONNAIRE_ITEMS, ...counts }));
  await closeAppDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
