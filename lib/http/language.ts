// One Accept-Language negotiation for every route: q-weights honoured, a region falls back to its
// language (ar-EG → ar), English when nothing fits. Bounded work whatever the header holds.
import { isLanguage, type Language } from "../i18n/languages";

const MAX_HEADER_LENGTH = 1_000;
const MAX_RANGES = 30;

export function negotiateLanguage(header: string | null | undefined): Language {
  if (!header) return "en";
  const ranked = header
    .slice(0, MAX_HEADER_LENGTH)
    .split(",")
    .slice(0, MAX_RANGES)
    .map((range, index) => {
      const [tag, ...parameters] = range.trim().split(";");
      const q = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return {
        language: tag.trim().toLowerCase().split("-")[0],
        weight: Number.isFinite(weight) && weight <= 1 ? weight : 0,
        index,
      };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked.find((range) => isLanguage(range.language))?.language as Language | undefined) ?? "en";
}

export function languageOfRequest(request: Request): Language {
  return negotiateLanguage(request.headers.get("accept-language"));
}
