// Inputs of user management, one schema for the form, the server action and the tests.
import { z } from "zod";
import { LANGUAGES, SOURCE_LANGUAGE } from "../i18n/languages";
import { ROLES } from "../auth/permissions";
import { emailSchema, passwordSchema } from "../auth/schema";

/** Languages a person can translate into or review: every language but the source. */
export const TARGET_LANGUAGES = LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);

const unique = <T extends string>(values: T[]) => [...new Set(values)];
const roles = z.array(z.enum(ROLES)).max(ROLES.length).transform(unique);
const languages = z
  .array(z.enum(TARGET_LANGUAGES as [string, ...string[]]))
  .max(TARGET_LANGUAGES.length)
  .transform(unique);
// Names are shown to everyone (audit trail, reviews): no control characters, and no bidi embedding,
// override or isolate characters, which would let a name display as something else ("nimdA omeD"
// reversed into "Demo Admin") or reorder the text around it. Plain Arabic needs none of them.
const INVISIBLE_OR_REORDERING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !INVISIBLE_OR_REORDERING.test(name), { params: { reason: "invisibleCharacters" } });

export const createUserSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  roles,
  translateLanguages: languages,
  reviewLanguages: languages,
});
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  id: z.string().min(1).max(100),
  revision: z.coerce.number().int().min(0).max(2_147_483_647),
  name: nameSchema,
  roles,
  translateLanguages: languages,
  reviewLanguages: languages,
  disabled: z.boolean(),
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** FormData → plain object: repeated checkboxes become arrays, a checked box `true`. */
export function userFormToObject(form: FormData, kind: "create" | "update"): Record<string, unknown> {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  const common = {
    name: text("name"),
    roles: list("roles"),
    translateLanguages: list("translateLanguages"),
    reviewLanguages: list("reviewLanguages"),
  };
  if (kind === "create") return { ...common, email: text("email"), password: text("password") };
  return {
    ...common,
    id: text("id"),
    revision: text("revision"),
    disabled: form.get("disabled") === "on" || form.get("disabled") === "true",
  };
}
