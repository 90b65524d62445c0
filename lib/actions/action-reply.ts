// Server-action bodies React's decoder can read, checked before Next hands them to it: Next
// answers 500 for every body the decoder fails on, and anyone can post one.
// A script calls an action with its arguments in React's reply encoding: JSON text, or a multipart
// form whose field "0" holds that JSON and whose "_<n>_<name>" fields hold a FormData argument. A
// string starting with "$" in the JSON is a reference. The decoder fails ("Connection closed.") on
// one naming a part that is not there, throws on a temporary reference or a root that is not a list
// of arguments, and recurses as deep as the nesting goes. A no-JS form post names its action and
// bound arguments in "$ACTION_REF_<n>" and "$ACTION_<n>:<part>" fields, read the same way.
// What our pages send is plain data (objects, arrays, strings, numbers, booleans, null, undefined,
// dates, FormData): its references are the few allowed below, so anything else is a malformed post.

/** Deeper than any argument of ours (a builder change is about five levels). */
export const MAX_REPLY_DEPTH = 64;
/**
 * React's limit on the "slots" of nested arrays (decodeReply's default arraySizeLimit): each array
 * counts its length, and each string directly in an array its length. React keeps one count per
 * tree of directly nested arrays; the check keeps one for the whole body, which is never smaller.
 */
const ARRAY_SLOTS = 1_000_000;

// Values written inline: "$$…" (a string that starts with "$"), undefined, the special numbers,
// dates and BigInts (React's own limit of 300 digits).
const INLINE = /^\$(?:\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0|D[\s\S]*|n-?\d{1,300})$/;
const FORM_DATA = /^\$K[0-9a-f]{1,8}$/;
// A second mention of an object already written: "$<part>:<key>:<key>…", a path from the part's root.
const BACK_REFERENCE = /^\$([0-9a-f]{1,8})((?::[^:]+)+)$/;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Whether `path` leads through own properties of the part's JSON to an object that is not a list
 * (React writes a second mention of any object so; one of a list would add the whole list to the
 * count of slots again, which the check does not follow: a list of ours is never passed twice).
 */
function resolvesToObject(root: unknown, path: string): boolean {
  let current: unknown = root;
  for (const key of path.slice(1).split(":")) {
    if (UNSAFE_KEYS.has(key) || !isObject(current) || !Object.hasOwn(current, key)) return false;
    current = current[key];
  }
  return isObject(current) && !Array.isArray(current);
}

/**
 * Whether one part's JSON decodes: nesting within MAX_REPLY_DEPTH, arrays within React's limit,
 * and every "$" string one that resolves without other parts (or a FormData argument, when the
 * body is multipart). Iterative, so that the check itself cannot overflow the stack.
 */
export function isReadablePart(json: string, { part, formData }: { part: number; formData: boolean }): boolean {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return false;
  }
  let slots = 0;
  const stack: Array<{ value: unknown; depth: number; inArray: boolean }> = [{ value: root, depth: 0, inArray: false }];
  while (stack.length) {
    const { value, depth, inArray } = stack.pop()!;
    if (typeof value === "string") {
      if (inArray) slots += value.length;
      if (slots > ARRAY_SLOTS) return false;
      if (!value.startsWith("$") || INLINE.test(value) || (formData && FORM_DATA.test(value))) continue;
      const reference = BACK_REFERENCE.exec(value);
      if (!reference || parseInt(reference[1], 16) !== part || !resolvesToObject(root, reference[2])) return false;
      continue;
    }
    if (!isObject(value)) continue;
    if (depth >= MAX_REPLY_DEPTH) return false;
    const list = Array.isArray(value);
    if (list && (slots += value.length + 1) > ARRAY_SLOTS) return false;
    for (const entry of Object.values(value)) stack.push({ value: entry, depth: depth + 1, inArray: list });
  }
  return true;
}

/** A script's call (Next-Action header) sent as text: the JSON list of the arguments. */
export function isReadableActionText(body: string): boolean {
  return body.trimStart().startsWith("[") && isReadablePart(body, { part: 0, formData: false });
}

/** A script's call sent as multipart: the arguments in "0", FormData arguments beside them. */
export function isReadableActionForm(form: FormData): boolean {
  const root = form.get("0");
  if (typeof root !== "string" || !root.trimStart().startsWith("[")) return false;
  for (const key of form.keys()) if (key !== "0" && !/^_[0-9a-f]{1,8}_/.test(key)) return false;
  return isReadablePart(root, { part: 0, formData: true });
}

/**
 * A form posted without JavaScript. One that names an action with bound arguments must carry them
 * as React wrote them: "$ACTION_<n>:0" is `{ id, bound }` (bound null or "$@1"), and bound
 * arguments are the list in "$ACTION_<n>:1". Any other form post is Next's to read.
 */
export function isReadableFormPost(form: FormData): boolean {
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const meta = form.get(`${prefix}0`);
    if (typeof meta !== "string") return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(meta);
    } catch {
      return false;
    }
    if (!isObject(parsed) || typeof parsed.id !== "string") return false;
    if (parsed.bound === null) continue;
    if (parsed.bound !== "$@1") return false;
    const bound = form.get(`${prefix}1`);
    if (typeof bound !== "string" || !bound.trimStart().startsWith("[")) return false;
    if (!isReadablePart(bound, { part: 1, formData: false })) return false;
  }
  return true;
}
