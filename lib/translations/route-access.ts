// The prologue of every download of one target language's work in the translators' workspace
// (the translation spreadsheet or XLIFF, the glossary's TBX or CSV), for route handlers: the
// pages' access with its sign-in redirect is access.ts.
import { getUserFromHeaders, type CurrentUser } from "../auth/session";
import { can, type Action, type ActionResources } from "../auth/permissions";
import { ERROR_STATUS, errorMessage, localeFromHeaders, type ErrorCode } from "../auth/errors";
import { isLanguage, type Language } from "../i18n/languages";
import { targetLanguageSchema } from "./schema";

/** The operations whose rule needs only a language. */
export type LanguageAction = {
  [A in Action]: ActionResources[A] extends { lang: unknown }
    ? { lang: Language } extends ActionResources[A]
      ? A
      : never
    : never;
}[Action];

export type LanguageRouteAccess =
  { ok: true; locale: Language; lang: Language; user: CurrentUser } | { ok: false; response: Response };

const refuse = (code: ErrorCode, locale: Language): LanguageRouteAccess => ({
  ok: false,
  response: Response.json({ code, message: errorMessage(code, locale) }, { status: ERROR_STATUS[code] }),
});

/**
 * A route handler's access to one target language: the page's language (from the path, else the
 * request's), the language (404 when it is not a target), the signed-in person (401) and `action`
 * for that language (403); a refusal is the error body in the page's language.
 */
export async function languageRouteAccess({
  request,
  params,
  action,
}: {
  request: Request;
  params: Promise<{ locale: string; lang: string }>;
  action: LanguageAction;
}): Promise<LanguageRouteAccess> {
  const { locale: rawLocale, lang: raw } = await params;
  const locale: Language = isLanguage(rawLocale) ? rawLocale : localeFromHeaders(request.headers);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) return refuse("notFound", locale);
  const lang = parsed.data;
  const user = await getUserFromHeaders(request.headers);
  if (!user) return refuse("unauthenticated", locale);
  if (!can(user, action, { lang })) return refuse("forbidden", locale);
  return { ok: true, locale, lang, user };
}
