// User management as the server actions run it, with the request's headers passed in so that the
// same code is exercised by the admin page and by the integration tests: who is asking, may they,
// is the input valid, then the write. Every outcome is a state the form can show, in the
// person's language; nothing here throws to the page.
import { z } from "zod";
import { AppError, errorMessage, isDatabaseUnavailable, localeFromHeaders, translatorFor, type ErrorCode } from "../auth/errors";
import { requireUser } from "../auth/session";
import { isLanguage, type Language } from "../i18n/languages";
import { createUserSchema, updateUserSchema, userFormToObject } from "./schema";
import { createUser, updateUser } from "./mutations";

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; id: string; revision?: number }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

function localeOf(form: FormData, headers: Headers): Language {
  const value = form.get("locale");
  return isLanguage(value) ? value : localeFromHeaders(headers);
}

/** One translated message per invalid field. */
function fieldErrorsOf(error: z.ZodError, locale: Language): Record<string, string> {
  const t = translatorFor(locale, "errors");
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (out[field]) continue;
    if (issue.code === "too_big") out[field] = t("field.tooLong", { max: Number(issue.maximum) });
    else if (issue.code === "too_small") out[field] = Number(issue.minimum) <= 1 ? t("field.required") : t("field.tooShort", { min: Number(issue.minimum) });
    else if (issue.code === "invalid_format" && issue.format === "email") out[field] = t("field.email");
    else if (issue.code === "unrecognized_keys") out.form = t("field.unknown");
    else if (issue.code === "custom" && issue.params?.reason === "invisibleCharacters") out[field] = t("field.invisibleCharacters");
    else out[field] = t("field.invalid");
  }
  return out;
}

async function run(locale: Language, fn: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await fn();
  } catch (error) {
    const appError = error instanceof AppError ? error : isDatabaseUnavailable(error) ? new AppError("unavailable") : null;
    if (!appError) {
      console.error("user management failed", error);
      return { status: "error", code: "unavailable", message: errorMessage("unavailable", locale) };
    }
    return { status: "error", code: appError.code, message: errorMessage(appError.code, locale) };
  }
}

export async function createUserCommand(headers: Headers, form: FormData): Promise<ActionState> {
  const locale = localeOf(form, headers);
  return run(locale, async () => {
    const actor = await requireUser(headers, "user.manage");
    const parsed = createUserSchema.safeParse(userFormToObject(form, "create"));
    if (!parsed.success) return { status: "error", code: "invalidInput", message: errorMessage("invalidInput", locale), fieldErrors: fieldErrorsOf(parsed.error, locale) };
    const user = await createUser({ actorId: actor.id, input: parsed.data });
    return { status: "ok", id: user.id, message: translatorFor(locale, "admin")("created", { email: user.email }) };
  });
}

export async function updateUserCommand(headers: Headers, form: FormData): Promise<ActionState> {
  const locale = localeOf(form, headers);
  return run(locale, async () => {
    const raw = userFormToObject(form, "update");
    const actor = await requireUser(headers, "user.manage", { userId: String(raw.id ?? "") });
    const parsed = updateUserSchema.safeParse(raw);
    if (!parsed.success) return { status: "error", code: "invalidInput", message: errorMessage("invalidInput", locale), fieldErrors: fieldErrorsOf(parsed.error, locale) };
    const result = await updateUser({ actorId: actor.id, input: parsed.data });
    return { status: "ok", id: result.id, revision: result.revision, message: translatorFor(locale, "admin")("saved") };
  });
}
