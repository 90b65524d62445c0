// Reading people: the current user's roles for every permission check, and the admin lists.
import "server-only";
import { getDb } from "../db/client";
import { currentUserSelect, type CurrentUser } from "../auth/current-user-data";

export type { CurrentUser };

export type UserListRow = CurrentUser & { disabled: boolean; createdAt: Date; revision: number };

export async function findUsers(): Promise<UserListRow[]> {
  const db = await getDb();
  return db.user.findMany({
    select: { ...currentUserSelect, createdAt: true, revision: true },
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
    take: 1000,
  });
}

export async function findUserForEdit(id: string): Promise<UserListRow | null> {
  if (!id || id.length > 100) return null;
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { ...currentUserSelect, createdAt: true, revision: true } });
}

export async function findUserByEmail(email: string) {
  const db = await getDb();
  return db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, revision: true, roles: true },
  });
}

export async function countUsers(): Promise<number> {
  return (await getDb()).user.count();
}
