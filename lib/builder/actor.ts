// Who makes a builder change: the signed-in person's id and roles, and the permission actor the
// checks of lib/auth/permissions take for them (a researcher translates and reviews nothing here).
import type { Actor, Role } from "../auth/permissions";

export type BuilderActor = { id: string; roles: readonly Role[] };

export function asActor(actor: BuilderActor | null): Actor {
  return actor ? { id: actor.id, roles: actor.roles, translateLanguages: [], reviewLanguages: [] } : null;
}
