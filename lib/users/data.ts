// Reading people: the current user's roles for every permission check, and the admin lists.
import { getDb } from "../db/client";
import type { Role } from "../auth/permissions";

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  translateLanguages: string[];
  reviewLanguages: string[];
};

const currentUserSelect = { id: true, name: true, email: true, roles: true, translateLanguages: true, reviewLanguages: true, disabled: true } as const;

/** The person with this id when their account is enabled; a disabled account counts as nobody. */
export async function findActiveUser(id: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id }, select: currentUserSelect });
  if (!user || user.disabled) return null;
  const { disabled: _disabled, ...rest } = user;
  return rest;
}

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
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, revision: true, roles: true } });
}

export async function countUsers(): Promise<number> {
  return (await getDb()).user.count();
}
