// Who is asking, and whether they may: the helpers every page, server action and route handler
// calls before it reads anything private or writes anything.
import "server-only";
import { cache } from "react";
import { headers as nextHeaders } from "next/headers";
import { activeUserOf, type CurrentUser } from "./current-user-data";
import { getAuth, isSecureRequest } from "./auth-data";
import { AppError } from "./errors";
import { can, needsSignIn, type Action, type ActionResources } from "./permissions";

export type { CurrentUser };

/** The signed-in, enabled person behind these request headers, or null. */
export async function getUserFromHeaders(headers: Headers): Promise<CurrentUser | null> {
  if (!headers.get("cookie")) return null;
  const auth = await getAuth(isSecureRequest(headers));
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return activeUserOf(session.user);
}

/** The current person in a page or server action (once per request). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => getUserFromHeaders(await nextHeaders()));

/**
 * Throws AppError("unauthenticated") (401) for a visitor who must sign in first, or
 * AppError("forbidden") (403) for a person whose roles do not allow the action; returns the person.
 */
export function assertPermission<A extends Action>(
  user: CurrentUser | null,
  action: A,
  resource?: ActionResources[A],
): CurrentUser | null {
  if (can(user, action, resource)) return user;
  if (!user && needsSignIn(action, resource)) throw new AppError("unauthenticated");
  throw new AppError("forbidden");
}

/** For route handlers (and tests): the check against the request's own headers. */
export async function requirePermission<A extends Action>(
  headers: Headers,
  action: A,
  resource?: ActionResources[A],
): Promise<CurrentUser | null> {
  return assertPermission(await getUserFromHeaders(headers), action, resource);
}

/** For actions that only signed-in people may take: returns the person, never null. */
export async function requireUser<A extends Action>(
  headers: Headers,
  action: A,
  resource?: ActionResources[A],
): Promise<CurrentUser> {
  const user = await requirePermission(headers, action, resource);
  if (!user) throw new AppError("unauthenticated");
  return user;
}
