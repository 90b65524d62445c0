// The one runner of every server action: refuse hostile text, validate with zod, run, and turn
// every known refusal into the one result shape with a message in the person's language. Only a
// database that cannot be reached is "unavailable"; data the database refuses (SQLSTATE class 22,
// such as a NUL byte that slipped past) is the caller's bad input; anything else is a bug and is
// rethrown, so that it is seen rather than disguised as an outage.
import { ZodError, type ZodType, type z } from "zod";
import { AppError } from "../auth/errors";
import { isDatabaseOutage } from "../http/outage";
import { isLanguage, type Language } from "../i18n/languages";
import type { ActionFailure, ActionResult } from "./result";
import { findHostileInput } from "./hostile-input";
import { actionHeaders, localeOfRequest } from "./locale";
import { messagesFor, type Translate } from "../http/messages";

export type KnownFailure<D> = {
  code: string;
  details?: D;
  values?: Record<string, string | number>;
  /** Messages (already translated) for the fields the refusal concerns, shown beside them. */
  fieldErrors?: Record<string, string>;
};

export type ActionDomain<D> = {
  /** The namespace whose `failures.<code>` words this domain's refusals; `errors.<code>` otherwise. */
  namespace?: "curate" | "builder" | "translate" | "results";
  /** The domain's own typed errors, as a code and what the screen needs to act on them. */
  known?: (error: unknown, t: Translate) => KnownFailure<D> | null;
  /** zod issues as one translated message per field; the shared wording otherwise. */
  fieldErrors?: (error: ZodError, t: Translate) => Record<string, string>;
};

export type ActionContext = { locale: Language; headers: Headers };

/**
 * An error and what it wraps: libraries wrap the database's answer (better-auth's APIError around
 * Prisma's error around the driver adapter's error around PostgreSQL's), and only the innermost
 * says whether the connection or the data was at fault.
 */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const e = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = typeof current === "object" ? (e.meta?.driverAdapterError ?? e.cause) : undefined;
  }
  return chain;
}

function refusedData(e: unknown): boolean {
  const x = e as { code?: unknown; originalCode?: unknown; message?: unknown } | null;
  const text =
    x && typeof x === "object"
      ? `${String(x.code ?? "")} ${String(x.originalCode ?? "")} ${String(x.message ?? "")}`
      : String(e);
  return /\b22(001|003|007|008|021|P02|P05)\b|invalid byte sequence|unsupported Unicode escape|\bP20(00|06|07|19|20|23|33)\b|value too long/i.test(
    text,
  );
}

/** SQLSTATE class 22 (data exception) and Prisma's value errors: the input, not the database, is at fault. */
export function isRefusedData(error: unknown): boolean {
  return errorChain(error).some(refusedData);
}

/** The database could not be reached, however deeply that is wrapped (and it was not the data). */
export function isConnectionFailure(error: unknown): boolean {
  // One outage rule for the whole app (lib/http/outage.ts); it walks the wrapped errors itself.
  return !isRefusedData(error) && isDatabaseOutage(error);
}

/** The shared wording of zod issues (users, translations): required, too short/long, e-mail, invalid. */
export function defaultFieldErrors(error: ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // The form field (a list such as roles.2 is one field of the form).
    const field = String(issue.path[0] ?? "_form");
    if (out[field]) continue;
    if (issue.code === "too_big") out[field] = t("errors.field.tooLong", { max: Number(issue.maximum) });
    else if (issue.code === "too_small")
      out[field] =
        Number(issue.minimum) <= 1
          ? t("errors.field.required")
          : t("errors.field.tooShort", { min: Number(issue.minimum) });
    else if (issue.code === "invalid_format" && issue.format === "email") out[field] = t("errors.field.email");
    else if (issue.code === "unrecognized_keys") out._form = t("errors.field.unknown");
    else if (issue.code === "custom" && issue.params?.reason === "invisibleCharacters")
      out[field] = t("errors.field.invisibleCharacters");
    else out[field] = t("errors.field.invalid");
  }
  return out;
}

/** Whether an action's argument is the FormData a form sends (a script can send anything). */
export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== "undefined" && value instanceof FormData;
}

function localeOf(input: unknown, headers: Headers): Language {
  const named = isFormData(input)
    ? input.get("locale")
    : input && typeof input === "object"
      ? (input as { locale?: unknown }).locale
      : undefined;
  return isLanguage(named) ? named : localeOfRequest(headers);
}

/**
 * A runner for one domain: `run(schema, input, fn)` answers `{ ok: true, data }` or a refusal.
 * `schema` may be null where the domain's mutation parses its own input (its ZodError is mapped the same).
 * `form: true` says the input is a form's FormData: anything else (a script's call, a no-JS post
 * that names the action without its bound arguments) is a bad request, not a TypeError (a 500).
 */
export function actionRunner<D = Record<string, unknown>>(domain: ActionDomain<D> = {}) {
  return async function runAction<S extends ZodType | null, T>(
    schema: S,
    input: unknown,
    fn: (data: S extends ZodType ? z.output<S> : unknown, context: ActionContext) => Promise<T>,
    options: { headers?: Headers; form?: true } = {},
  ): Promise<ActionResult<T, D>> {
    const headers = options.headers ?? (await actionHeaders());
    const locale = localeOf(input, headers);
    const { t, has } = messagesFor(locale);
    const fail = (
      code: string,
      extra: Omit<ActionFailure<D>, "ok" | "code" | "message"> = {},
      values: Record<string, string | number> = {},
    ): ActionFailure<D> => {
      const key =
        domain.namespace && has(`${domain.namespace}.failures.${code}`)
          ? `${domain.namespace}.failures.${code}`
          : has(`errors.${code}`)
            ? `errors.${code}`
            : "errors.badRequest";
      return { ok: false, code, message: t(key, values), ...extra };
    };
    const fieldErrorsOf = (error: ZodError) => (domain.fieldErrors ?? defaultFieldErrors)(error, t);

    if (options.form && !isFormData(input)) return fail("badRequest");
    const hostile = findHostileInput(input);
    if (hostile) {
      const message = t(hostile.reason === "tooLong" ? "errors.field.tooLong" : "errors.field.forbiddenCharacters", {
        max: 100_000,
      });
      return {
        ...fail("badRequest"),
        message: t("errors.hostileInput"),
        fieldErrors: { [hostile.path || "_form"]: message },
      };
    }
    try {
      let data: unknown = input;
      if (schema) {
        const parsed = schema.safeParse(input);
        if (!parsed.success) return fail("invalidInput", { fieldErrors: fieldErrorsOf(parsed.error) });
        data = parsed.data;
      }
      return { ok: true, data: await fn(data as S extends ZodType ? z.output<S> : unknown, { locale, headers }) };
    } catch (error) {
      if (error instanceof ZodError) return fail("invalidInput", { fieldErrors: fieldErrorsOf(error) });
      const known = domain.known?.(error, t);
      if (known)
        return fail(
          known.code,
          {
            ...(known.details === undefined ? {} : { details: known.details }),
            ...(known.fieldErrors && Object.keys(known.fieldErrors).length ? { fieldErrors: known.fieldErrors } : {}),
          },
          known.values,
        );
      if (error instanceof AppError)
        return fail(
          error.code,
          error.fieldErrors
            ? { fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v[0] ?? ""])) }
            : {},
        );
      if (isRefusedData(error))
        return fail("badRequest", { fieldErrors: { _form: t("errors.field.forbiddenCharacters") } });
      if (isConnectionFailure(error)) return fail("unavailable");
      throw error;
    }
  };
}
