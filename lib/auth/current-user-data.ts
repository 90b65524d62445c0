// The person behind a session, as every permission check needs them: the session's own read of
// the user row (here, not in lib/users, so that auth does not depend on the users' admin pages).
import "server-only";
import type { Person, Role } from "./permissions";

/** The person permission checks see, with the name and email the pages show. */
export type CurrentUser = Person & { name: string; email: string };

export const currentUserSelect = {
  id: true,
  name: true,
  email: true,
  roles: true,
  translateLanguages: true,
  reviewLanguages: true,
  disabled: true,
} as const;

/**
 * The person as the session read them (Better Auth's user with the additional fields declared in
 * auth-data.ts) when their account is enabled; a disabled account counts as nobody.
 */
export function activeUserOf(user: {
  id: string;
  name: string;
  email: string;
  roles?: unknown;
  translateLanguages?: unknown;
  reviewLanguages?: unknown;
  disabled?: unknown;
}): CurrentUser | null {
  if (user.disabled !== false || !Array.isArray(user.roles)) return null;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: strings(user.roles) as Role[],
    translateLanguages: strings(user.translateLanguages),
    reviewLanguages: strings(user.reviewLanguages),
  };
}
