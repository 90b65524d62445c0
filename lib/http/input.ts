// Hostile or broken input at the edge, found before any route logic runs: percent-escapes that do
// not decode to UTF-8, control characters (NUL above all: PostgreSQL refuses it in text), lone
// surrogates, U+FFFD (what a URL parser leaves of bytes that were not text), and over-long parts.
// Each is a 400 with a sentence naming the part, instead of a 500 from deep inside.

/** The whole address; far above any address the app or its documents link to. */
export const MAX_URL_LENGTH = 8_192;
/** One path segment (a question code, a questionnaire id or slug) */
export const MAX_PATH_SEGMENT_LENGTH = 256;
/** One query parameter's name or value; endpoints set tighter limits of their own (q: 200) */
export const MAX_QUERY_VALUE_LENGTH = 2_000;
const MAX_QUERY_NAME_LENGTH = 64;

export type InputProblem = "encoding" | "control" | "surrogate" | "tooLong" | "urlTooLong";
/** `part` is a query parameter's name, or null for the path. */
export type InputFault = { problem: InputProblem; part: string | null; max?: number };

// Tab, line feed and carriage return are ordinary whitespace in a search; every other C0 control and DEL is refused.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A decoded string's own fault, if any. */
export function textProblem(value: string, max: number): Exclude<InputProblem, "urlTooLong"> | null {
  if (value.length > max) return "tooLong";
  if (CONTROL.test(value)) return "control";
  if (!value.isWellFormed()) return "surrogate";
  if (value.includes("\ufffd")) return "encoding";
  return null;
}

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The first fault of an address as it arrived (percent-encoded), or null when it is clean. */
export function urlFault(rawUrl: string): InputFault | null {
  if (rawUrl.length > MAX_URL_LENGTH) return { problem: "urlTooLong", part: null, max: MAX_URL_LENGTH };
  const url = new URL(rawUrl);
  for (const segment of url.pathname.split("/")) {
    const decoded = decodeComponent(segment);
    const problem = decoded === null ? "encoding" : textProblem(decoded, MAX_PATH_SEGMENT_LENGTH);
    if (problem) return { problem, part: null, ...(problem === "tooLong" ? { max: MAX_PATH_SEGMENT_LENGTH } : {}) };
  }
  for (const pair of url.search.slice(1).split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const name = decodeComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, " "));
    // A broken parameter name is a fault of the address as a whole: it cannot be named.
    const nameProblem = name === null ? "encoding" : textProblem(name, MAX_QUERY_NAME_LENGTH);
    if (nameProblem)
      return { problem: nameProblem, part: null, ...(nameProblem === "tooLong" ? { max: MAX_QUERY_NAME_LENGTH } : {}) };
    const value = at < 0 ? "" : decodeComponent(pair.slice(at + 1).replace(/\+/g, " "));
    const valueProblem = value === null ? "encoding" : textProblem(value, MAX_QUERY_VALUE_LENGTH);
    if (valueProblem)
      return {
        problem: valueProblem,
        part: name,
        ...(valueProblem === "tooLong" ? { max: MAX_QUERY_VALUE_LENGTH } : {}),
      };
  }
  return null;
}

/** The first fault among route parameters as Next hands them over (already decoded). */
export function paramsFault(params: Record<string, string | string[] | undefined>): InputFault | null {
  for (const value of Object.values(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const problem = textProblem(one, MAX_PATH_SEGMENT_LENGTH);
      if (problem) return { problem, part: null, ...(problem === "tooLong" ? { max: MAX_PATH_SEGMENT_LENGTH } : {}) };
    }
  }
  return null;
}
