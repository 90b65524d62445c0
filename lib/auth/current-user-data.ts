// The person behind a session, as every permission check needs them: the session's own read of
// the user row (here, not in lib/users, so that auth does not depend on the users' admin pages).
import "server-only";
import { getDb } from "../db/client";
import type { Role } from "./permissions";

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  translateLanguages: string[];
  reviewLanguages: string[];
};

export const currentUserSelect = {
  id: true,
  name: true,
  email: true,
  roles: true,
  translateLanguages: true,
  reviewLanguages: true,
  disabled: true,
} as const;

/** The person with this id when their account is enabled; a disabled account counts as nobody. */
export async function findActiveUser(id: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id }, select: currentUserSelect });
  if (!user || user.disabled) return null;
  const { disabled: _disabled, ...rest } = user;
  return rest;
}
