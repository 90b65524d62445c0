// Demo accounts, one per role, for the embedded database only (see "Accounts and roles" in the
// README; scripts/db.ts asks for them only on PGlite or with SEED_DEMO_ACCOUNTS=1). Idempotent:
// an existing account is left as it is, password included.
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../lib/db/generated/client";
import type { Role } from "../lib/auth/permissions";
import { insertUser } from "../lib/users/mutations";

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  translateLanguages: string[];
  reviewLanguages: string[];
}[] = [
  {
    email: "researcher@demo.questionbank.org",
    name: "Demo Researcher",
    password: "researcher-demo",
    roles: ["researcher"],
    translateLanguages: [],
    reviewLanguages: [],
  },
  {
    email: "translator@demo.questionbank.org",
    name: "Demo Translator",
    password: "translator-demo",
    roles: ["translator"],
    translateLanguages: ["ar", "fr"],
    reviewLanguages: [],
  },
  {
    email: "reviewer@demo.questionbank.org",
    name: "Demo Reviewer",
    password: "reviewer-demo",
    roles: ["reviewer"],
    translateLanguages: [],
    reviewLanguages: ["ar", "fr"],
  },
  {
    email: "curator@demo.questionbank.org",
    name: "Demo Curator",
    password: "curator-demo",
    roles: ["curator"],
    translateLanguages: [],
    reviewLanguages: [],
  },
  {
    email: "admin@demo.questionbank.org",
    name: "Demo Admin",
    password: "admin-demo-1",
    roles: ["admin"],
    translateLanguages: [],
    reviewLanguages: [],
  },
];

export async function seedDemoAccounts(prisma: PrismaClient, log: (line: string) => void) {
  let created = 0;
  for (const { password, ...account } of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    const passwordHash = await hashPassword(password);
    await prisma.$transaction((tx) => insertUser(tx, { actorId: null, input: account, passwordHash }));
    created++;
  }
  log(created ? `Demo accounts: created ${created} (passwords in the README).` : "Demo accounts: already there.");
}
