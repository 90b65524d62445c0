// Creates the first administrator (or any later one):
//   npm run admin:create -- --email ada@example.org --name "Ada Lovelace"
// The password comes from ADMIN_PASSWORD or is asked for (not echoed). ADMIN_EMAIL and ADMIN_NAME
// may stand in for the flags. Uses DATABASE_URL, or the embedded database (stop the app first).
import { parseArgs } from "node:util";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { PrismaClient } from "../lib/db/generated/client";
import { openAdapter, resolveTarget } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrations";
import { readEnv } from "../lib/env";
import { emailSchema, passwordSchema, PASSWORD_MIN } from "../lib/auth/schema";
import { nameSchema } from "../lib/users/schema";
import { insertUser } from "../lib/users/mutations";
import { AppError } from "../lib/auth/errors";

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for a password: set ADMIN_PASSWORD.");
  process.stdout.write(question);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off("data", onData);
          process.stdout.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") return reject(new Error("Cancelled."));
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    };
    process.stdin.on("data", onData);
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const input = z
    .object({ email: emailSchema, name: nameSchema })
    .safeParse({ email: values.email ?? process.env.ADMIN_EMAIL, name: values.name ?? process.env.ADMIN_NAME });
  if (!input.success)
    throw new Error(
      'Usage: npm run admin:create -- --email you@example.org --name "Your Name" (a valid email and a name up to 100 characters)',
    );
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    password = await askHidden(`Password for ${input.data.email} (at least ${PASSWORD_MIN} characters): `);
    if ((await askHidden("Repeat it: ")) !== password) throw new Error("The two passwords differ.");
  }
  if (!passwordSchema.safeParse(password).success)
    throw new Error(`The password must have ${PASSWORD_MIN} to 128 characters.`);

  const opened = await openAdapter(resolveTarget(readEnv()));
  const prisma = new PrismaClient({ adapter: opened.adapter });
  try {
    await applyMigrations(opened.adapter);
    const passwordHash = await hashPassword(password);
    const user = await prisma.$transaction((tx) =>
      insertUser(tx, {
        actorId: null,
        input: { ...input.data, roles: ["admin"], translateLanguages: [], reviewLanguages: [] },
        passwordHash,
      }),
    );
    console.log(`Administrator ${user.email} created. Sign in at /en/sign-in.`);
  } catch (error) {
    if (error instanceof AppError && error.code === "emailTaken")
      throw new Error(`An account with ${input.data.email} already exists: give it the admin role on the Users page.`);
    throw error;
  } finally {
    await prisma.$disconnect();
    await opened.pglite?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
