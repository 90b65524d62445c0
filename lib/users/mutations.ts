// Writing people. Each write and its audit row share one transaction; edits carry the revision
// the administrator saw, and a stale one is refused (conflict) rather than overwriting a colleague.
import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { recordAudit } from "../audit/mutations";
import { AppError } from "../auth/errors";
import type { CreateUserInput, UpdateUserInput } from "./schema";

type Tx = Prisma.TransactionClient;

const auditedFields = {
  name: true,
  email: true,
  roles: true,
  translateLanguages: true,
  reviewLanguages: true,
  disabled: true,
} as const;

/**
 * Creates a person with an email-and-password account (Better Auth's "credential" provider) and
 * records it. Used by the admin page, the admin command and the demo seed.
 */
export async function insertUser(
  tx: Tx,
  {
    actorId,
    input,
    passwordHash,
  }: { actorId: string | null; input: Omit<CreateUserInput, "password">; passwordHash: string },
) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("emailTaken");
  const id = randomUUID();
  const user = await tx.user.create({
    data: {
      id,
      name: input.name,
      email: input.email,
      emailVerified: true,
      roles: input.roles,
      translateLanguages: input.translateLanguages,
      reviewLanguages: input.reviewLanguages,
    },
    select: { id: true, ...auditedFields },
  });
  await tx.account.create({
    data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash },
  });
  await recordAudit(tx, {
    actorId,
    action: "user.create",
    entityType: "user",
    entityId: id,
    before: null,
    after: user,
  });
  return user;
}

function mapUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("emailTaken");
  throw error;
}

export async function createUser({ actorId, input }: { actorId: string; input: CreateUserInput }) {
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const { password: _password, ...rest } = input;
  return db.$transaction((tx) => insertUser(tx, { actorId, input: rest, passwordHash })).catch(mapUniqueViolation);
}

export async function updateUser({ actorId, input }: { actorId: string; input: UpdateUserInput }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: { ...auditedFields, revision: true } });
    if (!before) throw new AppError("notFound");
    if (before.revision !== input.revision) throw new AppError("conflict");
    // An administrator cannot lock themself out (and so, the last one cannot leave no administrator).
    if (input.id === actorId && (!input.roles.includes("admin") || input.disabled)) throw new AppError("selfLockout");
    const { count } = await tx.user.updateMany({
      // The revision in the WHERE makes a concurrent edit wait for this one, then match nothing.
      where: { id: input.id, revision: input.revision },
      data: {
        name: input.name,
        roles: input.roles,
        translateLanguages: input.translateLanguages,
        reviewLanguages: input.reviewLanguages,
        disabled: input.disabled,
        revision: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("conflict");
    // Signing a disabled person out everywhere, now.
    if (input.disabled && !before.disabled) await tx.session.deleteMany({ where: { userId: input.id } });
    const after = await tx.user.findUniqueOrThrow({
      where: { id: input.id },
      select: { ...auditedFields, revision: true },
    });
    const { revision: _b, ...beforeValues } = before;
    const { revision, ...afterValues } = after;
    await recordAudit(tx, {
      actorId,
      action: "user.update",
      entityType: "user",
      entityId: input.id,
      before: beforeValues,
      after: afterValues,
    });
    return { id: input.id, revision };
  });
}
