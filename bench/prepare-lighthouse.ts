// Run in a child process against one filled database, before the server starts: the accounts and
// addresses the Lighthouse scenario opens (bench/lighthouse.ts): a translator into French, and the
// published question whose page and translation editor are audited. The researcher and their
// questionnaire come from bench/prepare-builder.ts. Writes them to the file named by argv[2].
//   node --import tsx bench/prepare-lighthouse.ts out.json
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { hashPassword } from "better-auth/crypto";
import { getDb } from "../lib/db/client";
import { insertUser } from "../lib/users/mutations";
import { closeAppDatabase } from "./app-database";

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: node --import tsx bench/prepare-lighthouse.ts out.json");
  const db = await getDb();
  // A question of the real bank (seeded first, before the generated ones): a page people open.
  const question = await db.question.findFirst({
    where: { status: "published" },
    orderBy: { createdAt: "asc" },
    select: { code: true },
  });
  if (!question) throw new Error("no published question");
  const password = randomBytes(18).toString("base64url");
  const email = `bench-translator-${randomBytes(3).toString("hex")}@bench.invalid`;
  const passwordHash = await hashPassword(password);
  await db.$transaction((tx) =>
    insertUser(tx, {
      actorId: null,
      input: {
        email,
        name: "Benchmark translator",
        roles: ["translator"],
        translateLanguages: ["fr"],
        reviewLanguages: [],
      },
      passwordHash,
    }),
  );
  await writeFile(out, JSON.stringify({ translator: { email, password }, questionCode: question.code }));
  await closeAppDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
