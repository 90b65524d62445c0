// Shared pieces of the public read API: the language of error messages and JSON answers.
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ar from "../../messages/ar.json";
import { LANGUAGES, type Language } from "../i18n/languages";
import type { ParamProblem } from "./schema";

/** The first of the four languages that Accept-Language names (English otherwise). */
export function languageFromAcceptLanguage(header: string | null): Language {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return (ranked.find((x) => (LANGUAGES as readonly string[]).includes(x.lang))?.lang as Language) ?? "en";
}

export function jsonResponse(body: unknown, init: { status?: number; lang?: Language } = {}) {
  const headers: Record<string, string> = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
  if (init.lang) headers["Content-Language"] = init.lang;
  return Response.json(body, { status: init.status ?? 200, headers });
}

const KNOWN = new Set(["q", "lang", "domain", "topic", "indicator", "type", "status", "tag", "source", "translation", "page", "pageSize", "sort", "dir"]);

type ErrorMessages = typeof en.search.errors;
const ERRORS: Record<Language, ErrorMessages> = { en: en.search.errors, es: es.search.errors, fr: fr.search.errors, ar: ar.search.errors };

// Read straight from messages/*.json (not through next-intl) so that the handlers run anywhere,
// tests included; these messages have at most a {param} placeholder.
function errorText(lang: Language, key: keyof ErrorMessages["params"] | "title" | "repeated" | "notFound", values: Record<string, string> = {}): string {
  const m = ERRORS[lang];
  const template = key === "title" || key === "repeated" || key === "notFound" ? m[key] : m.params[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** 400 with one readable sentence per bad parameter, in the caller's language. */
export function badRequest(problems: ParamProblem[], request: Request) {
  const lang = languageFromAcceptLanguage(request.headers.get("accept-language"));
  const details = problems.map((p) => {
    const param = (KNOWN.has(p.param) ? p.param : "query") as keyof ErrorMessages["params"];
    return { param: p.param, message: p.code === "repeated" ? errorText(lang, "repeated", { param: p.param }) : errorText(lang, param) };
  });
  return jsonResponse({ error: "invalid_parameters", message: [errorText(lang, "title"), ...details.map((d) => d.message)].join(" "), details }, { status: 400, lang });
}

export function notFoundResponse(request: Request) {
  const lang = languageFromAcceptLanguage(request.headers.get("accept-language"));
  return jsonResponse({ error: "not_found", message: errorText(lang, "notFound") }, { status: 404, lang });
}
