// Shared pieces of the public read API: the language of error messages and JSON answers.
import { getTranslations } from "next-intl/server";
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

/** 400 with one readable sentence per bad parameter, in the caller's language. */
export async function badRequest(problems: ParamProblem[], request: Request) {
  const lang = languageFromAcceptLanguage(request.headers.get("accept-language"));
  const t = await getTranslations({ locale: lang, namespace: "search.errors" });
  const details = problems.map((p) => {
    const param = KNOWN.has(p.param) ? p.param : "query";
    const message = p.code === "repeated" ? t("repeated", { param }) : t(`params.${param}` as "params.q");
    return { param: p.param, message };
  });
  return jsonResponse({ error: "invalid_parameters", message: `${t("title")} ${details.map((d) => d.message).join(" ")}`, details }, { status: 400, lang });
}

export async function notFoundResponse(request: Request) {
  const lang = languageFromAcceptLanguage(request.headers.get("accept-language"));
  const t = await getTranslations({ locale: lang, namespace: "search.errors" });
  return jsonResponse({ error: "not_found", message: t("notFound") }, { status: 404, lang });
}
