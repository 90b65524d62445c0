// User management as the server actions run it, with the request's headers passed in so that the
// same code is exercised by the admin page and by the integration tests: who is asking, may they,
// is the input valid, then the write. Every outcome is the one action result (lib/actions), in the
// person's language.
import { translatorFor } from "../auth/errors";
import { requireUser } from "../auth/session";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import { createUserSchema, updateUserSchema, userFormToObject } from "./schema";
import { createUser, updateUser } from "./mutations";

export type UserSaved = { message: string; id: string; revision?: number };
export type ActionState = ActionResult<UserSaved> | null;

// User refusals are worded by errors.* (emailTaken, selfLockout, conflict …); fields by errors.field.*.
const runUsers = actionRunner();

export async function createUserCommand(headers: Headers, form: FormData): Promise<ActionResult<UserSaved>> {
  return runUsers(
    null,
    form,
    async (_, { locale }) => {
      const actor = await requireUser(headers, "user.manage");
      const input = createUserSchema.parse(userFormToObject(form, "create"));
      const user = await createUser({ actorId: actor.id, input });
      return { id: user.id, message: translatorFor(locale, "admin")("created", { email: user.email }) };
    },
    { headers, form: true },
  );
}

export async function updateUserCommand(headers: Headers, form: FormData): Promise<ActionResult<UserSaved>> {
  return runUsers(
    null,
    form,
    async (_, { locale }) => {
      const raw = userFormToObject(form, "update");
      const actor = await requireUser(headers, "user.manage", { userId: String(raw.id ?? "") });
      const input = updateUserSchema.parse(raw);
      const result = await updateUser({ actorId: actor.id, input });
      return { id: result.id, revision: result.revision, message: translatorFor(locale, "admin")("saved") };
    },
    { headers, form: true },
  );
}
