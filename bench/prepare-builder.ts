// Run in a child process against one filled database, before the server starts: the builder
// scenario's researchers, each with their own questionnaire (two sections, a few items), made
// through the app's own code paths, and a pool of published questions each may add. Writes them
// to the file named by argv[2].
//   node --import tsx bench/prepare-builder.ts out.json      (BENCH_BUILDER_RESEARCHERS in the environment)
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { hashPassword } from "better-auth/crypto";
import { getDb } from "../lib/db/client";
import type { Person } from "../lib/auth/permissions";
import { insertUser } from "../lib/users/mutations";
import { applyBuilderChange, createQuestionnaire } from "../lib/builder/mutations";
import { closeAppDatabase } from "./app-database";
import type { BuilderResearcher } from "./builder-load";

const START_ITEMS = 20;
const POOL = 40;

async function main() {
  const out = process.argv[2];
  const count = Number(process.env.BENCH_BUILDER_RESEARCHERS ?? 16);
  if (!out || !Number.isInteger(count) || count < 1 || count > 64)
    throw new Error("usage: BENCH_BUILDER_RESEARCHERS=16 node --import tsx bench/prepare-builder.ts out.json");
  const db = await getDb();
  const codes = (
    await db.question.findMany({
      where: { status: "published" },
      orderBy: { code: "asc" },
      take: START_ITEMS + POOL,
      select: { code: true },
    })
  ).map((q) => q.code);
  if (codes.length < START_ITEMS + POOL) throw new Error(`only ${codes.length} published questions`);
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const researchers: BuilderResearcher[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench-builder-${i}-${randomBytes(3).toString("hex")}@bench.invalid`;
    const user = await db.$transaction((tx) =>
      insertUser(tx, {
        actorId: null,
        input: {
          email,
          name: `Benchmark researcher ${i + 1}`,
          roles: ["researcher"],
          translateLanguages: [],
          reviewLanguages: [],
        },
        passwordHash,
      }),
    );
    const actor: Person = user;
    const { id } = await createQuestionnaire({
      actor,
      settings: {
        title: { en: `Builder load ${i + 1}` },
        description: {},
        languages: ["en", "fr"],
        defaultLanguage: "en",
      },
    });
    let revision = (
      await applyBuilderChange({
        actor,
        change: { op: "addSection", questionnaireId: id, revision: 0, title: { en: "Part 2" } },
      })
    ).revision;
    revision = (
      await applyBuilderChange({
        actor,
        change: { op: "addQuestions", questionnaireId: id, revision, codes: codes.slice(0, START_ITEMS) },
      })
    ).revision;
    const sections = await db.questionnaireSection.findMany({
      where: { questionnaireId: id },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    researchers.push({
      email,
      password,
      questionnaireId: id,
      revision,
      firstSectionId: sections[0].id,
      pool: codes.slice(START_ITEMS),
    });
  }
  const [{ version }] = await db.$queryRawUnsafe<{ version: string }[]>(
    `SELECT current_setting('server_version') AS version`,
  );
  await writeFile(out, JSON.stringify({ researchers, version }));
  await closeAppDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
