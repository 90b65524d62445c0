// Who acts when a test calls a mutation directly: the one person type of lib/auth/permissions, as
// the session would hand it over, either made up for the test or read from a stored account.
import { getDb } from "@/lib/db/client";
import type { Person, Role } from "@/lib/auth/permissions";

/** A person with these roles, translating and reviewing only the languages given (none by default). */
export function person(
  id: string,
  roles: readonly Role[],
  languages: { translate?: readonly string[]; review?: readonly string[] } = {},
): Person {
  return { id, roles, translateLanguages: languages.translate ?? [], reviewLanguages: languages.review ?? [] };
}

/** A stored account (a demo person, say) as themselves: their id, roles and languages. */
export async function personOf(email: string): Promise<Person> {
  const db = await getDb();
  return db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, roles: true, translateLanguages: true, reviewLanguages: true },
  });
}
