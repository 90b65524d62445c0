// Text no form of ours ever needs and that breaks or spoofs what is stored: NUL (PostgreSQL refuses
// it, which used to surface as "database unavailable"), other C0 control characters (invalid in the
// XML of an XLSForm), lone UTF-16 surrogates (not Unicode text at all), the bidi overrides LRO/RLO
// (which reorder how a label reads, a spoofing vector; embeddings, isolates and marks stay allowed,
// Arabic text uses them) and over-long strings. Found anywhere in an action's input, the action
// answers a 400-kind refusal before anything else runs.

/** No single field of any form is longer (a choice list of hundreds of choices fits well within). */
export const MAX_ACTION_STRING = 100_000;

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202D\u202E]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type HostileReason = "control" | "tooLong";

export function hostileString(value: string, max = MAX_ACTION_STRING): HostileReason | null {
  if (value.length > max) return "tooLong";
  return FORBIDDEN.test(value) ? "control" : null;
}

/**
 * The first hostile string anywhere in an action's input (FormData, objects, arrays), with its
 * path; files are left to their own readers. Depth-bounded so that a crafted nesting cannot recurse far.
 */
export function findHostileInput(
  input: unknown,
  max = MAX_ACTION_STRING,
): { path: string; reason: HostileReason } | null {
  const walk = (value: unknown, path: string, depth: number): { path: string; reason: HostileReason } | null => {
    if (typeof value === "string") {
      const reason = hostileString(value, max);
      return reason ? { path, reason } : null;
    }
    if (depth > 8 || value === null || typeof value !== "object") return null;
    if (typeof FormData !== "undefined" && value instanceof FormData) {
      for (const [key, entry] of value.entries()) {
        const keyReason = hostileString(key, 1_000);
        if (keyReason) return { path: "_form", reason: keyReason };
        const found = walk(entry, key, depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (typeof Blob !== "undefined" && value instanceof Blob) return null;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, entry] of entries) {
      const keyReason = hostileString(key, 1_000);
      if (keyReason) return { path: "_form", reason: keyReason };
      const found = walk(entry, path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(input, "", 0);
}
