// The `parameters` column as pyxform 4.5.0 reads it (parsing/parameters.py: `key=value` pairs
// separated by spaces, commas or semicolons, keys and most values lower-cased) and the keys it accepts for each
// question type (validators/pyxform/parameters.py, called from xls2json.py and
// question_types/geo.py, range.py), and the values it checks for text, photo, audio, geo rows and
// selects (numbers, true/false, audio quality, Android package names, randomize and seed). Range
// and select-from-file parameters' values are left to pyxform; reference-geometry is checked in
// reference-geometry.ts.
import type { ParsedType } from "./question-types";

/** The pairs of a parameters cell, or null where pyxform's grammar (`pair*`, `TOKEN "=" TOKEN`) refuses it. */
export function parseParameters(raw: string): Map<string, string> | null {
  const tokens = raw.match(/[^\s=,;]+|=/g) ?? [];
  const pairs = new Map<string, string>();
  if (tokens.length % 3 !== 0) return null;
  for (let i = 0; i < tokens.length; i += 3) {
    const [key, eq, value] = tokens.slice(i, i + 3);
    if (key === "=" || eq !== "=" || value === "=") return null;
    // pyxform lower-cases every value but label's and value's (parsing/parameters.py CASE_SENSITIVE_VALUES)
    const lowerKey = key.toLowerCase();
    pairs.set(lowerKey, lowerKey === "label" || lowerKey === "value" ? value : value.toLowerCase());
  }
  return pairs;
}

const GEO = ["allow-mock-accuracy", "incremental", "reference-geometry"];
const GEOPOINT = ["allow-mock-accuracy", "capture-accuracy", "reference-geometry", "warning-accuracy"];
const AUDIT = [
  "identify-user",
  "location-max-age",
  "location-min-interval",
  "location-priority",
  "track-changes",
  "track-changes-reasons",
];
const RANGE = ["end", "placeholder", "start", "step", "tick_interval", "tick_labelset"];

// By the type as pyxform compares it: the cell with _type_alias_map applied (`image` is `photo`,
// but `q image` is checked by nothing, as in pyxform).
const BY_TYPE: Record<string, string[]> = {
  text: ["rows"],
  photo: ["app", "max-pixels"],
  audio: ["quality"],
  "background-audio": ["quality"],
  audit: AUDIT,
  range: RANGE,
  geopoint: GEOPOINT,
  geoshape: GEO,
  geotrace: GEO,
};

/** The keys pyxform accepts for a row of this type, or null where it does not check them. */
export function acceptedParameters(aliasedType: string, parsed: ParsedType): string[] | null {
  if (parsed.kind === "select")
    return parsed.select === "select_one_from_file" || parsed.select === "select_multiple_from_file"
      ? ["label", "randomize", "seed", "value"]
      : ["randomize", "seed"];
  return BY_TYPE[aliasedType] ?? null;
}

// Python's int() and float() of one token (pyxform checks values with them): digits with single
// underscores between them, float also with a fraction, an exponent, inf or nan.
const DIGITS = "\\d(?:_?\\d)*";
const PY_INT = new RegExp(`^[+-]?${DIGITS}$`);
const PY_FLOAT = new RegExp(
  `^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`,
  "i",
);
// validate_android_package_name: dotted segments, each a letter then letters, digits or underscores.
const ANDROID_PACKAGE = /^[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+$/;
const YES_VALUES = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "true()"]);

export type ParameterValueProblem = {
  code:
    | "parameter_integer"
    | "parameter_number"
    | "parameter_true_false"
    | "parameter_incremental"
    | "parameter_quality"
    | "parameter_app_package"
    | "parameter_seed"
    | "parameter_seed_needs_randomize"
    | "parameter_choice"
    | "parameter_audit_location"
    | "parameter_not_negative"
    | "parameter_max_age_below_interval";
  /** the parameter's key; for quality, the values it may take */
  value: string;
};

/**
 * The first parameter value pyxform 4.5.0 refuses for a row of this (aliased) type, in pyxform's
 * order (xls2json.py for text, photo, audio, background-audio; question_types/geo.py), or null.
 * `appearance`: pyxform checks `app` only with no appearance or `annotate`. `select`: a select
 * (not rank), whose randomize and seed pyxform checks.
 */
export function parameterValueProblem(
  aliasedType: string,
  pairs: Map<string, string>,
  appearance: string | undefined,
  select = false,
): ParameterValueProblem | null {
  const bad = (key: string, ok: (v: string) => boolean) => pairs.has(key) && !ok(pairs.get(key) ?? "");
  const isInt = (v: string) => PY_INT.test(v);
  const isFloat = (v: string) => PY_FLOAT.test(v);
  if (select) {
    // a seed is a number or a reference (a loose one: pyxform checks its name elsewhere)
    if (bad("randomize", (v) => v === "true" || v === "false"))
      return { code: "parameter_true_false", value: "randomize" };
    if (pairs.has("seed") && !pairs.has("randomize")) return { code: "parameter_seed_needs_randomize", value: "seed" };
    if (bad("seed", (v) => isFloat(v) || /^\$\{(?:last-saved#)?[^\s{}]+\}$/.test(v)))
      return { code: "parameter_seed", value: "seed" };
    return null;
  }
  switch (aliasedType) {
    case "audit":
      return auditProblem(pairs);
    case "text":
      return bad("rows", isInt) ? { code: "parameter_integer", value: "rows" } : null;
    case "photo":
      if (bad("max-pixels", isInt)) return { code: "parameter_integer", value: "max-pixels" };
      if ((!appearance || appearance === "annotate") && bad("app", (v) => ANDROID_PACKAGE.test(v)))
        return { code: "parameter_app_package", value: "app" };
      return null;
    case "audio":
      return bad("quality", (v) => ["voice-only", "low", "normal", "external"].includes(v))
        ? { code: "parameter_quality", value: "voice-only, low, normal, external" }
        : null;
    case "background-audio":
      return bad("quality", (v) => ["voice-only", "low", "normal"].includes(v))
        ? { code: "parameter_quality", value: "voice-only, low, normal" }
        : null;
    case "geopoint":
      if (bad("capture-accuracy", isFloat)) return { code: "parameter_number", value: "capture-accuracy" };
      if (bad("warning-accuracy", isFloat)) return { code: "parameter_number", value: "warning-accuracy" };
      break;
    case "geoshape":
    case "geotrace":
      if (bad("incremental", (v) => YES_VALUES.has(v))) return { code: "parameter_incremental", value: "incremental" };
      break;
    default:
      return null;
  }
  return bad("allow-mock-accuracy", (v) => v === "true" || v === "false")
    ? { code: "parameter_true_false", value: "allow-mock-accuracy" }
    : null;
}

const LOCATION_PRIORITIES = ["no-power", "low-power", "balanced", "high-accuracy"];

/** An audit's parameters, in xls2json.py's order. */
function auditProblem(pairs: Map<string, string>): ParameterValueProblem | null {
  const bad = (key: string, ok: (v: string) => boolean) => pairs.has(key) && !ok(pairs.get(key) ?? "");
  const trueFalse = (v: string) => v === "true" || v === "false";
  if (bad("track-changes", trueFalse)) return { code: "parameter_true_false", value: "track-changes" };
  if (bad("track-changes-reasons", (v) => v === "on-form-edit"))
    return { code: "parameter_choice", value: "track-changes-reasons=on-form-edit" };
  if (bad("identify-user", trueFalse)) return { code: "parameter_true_false", value: "identify-user" };
  const location = ["location-priority", "location-min-interval", "location-max-age"];
  if (!location.some((k) => pairs.has(k))) return null;
  if (!location.every((k) => pairs.has(k))) return { code: "parameter_audit_location", value: location.join(", ") };
  if (bad("location-priority", (v) => LOCATION_PRIORITIES.includes(v)))
    return { code: "parameter_choice", value: `location-priority=${LOCATION_PRIORITIES.join(" | ")}` };
  const number = (key: string) => Number((pairs.get(key) ?? "").replace(/_/g, ""));
  for (const key of ["location-min-interval", "location-max-age"]) {
    if (bad(key, (v) => PY_INT.test(v))) return { code: "parameter_integer", value: key };
    if (number(key) < 0) return { code: "parameter_not_negative", value: key };
  }
  if (number("location-max-age") < number("location-min-interval"))
    return { code: "parameter_max_age_below_interval", value: "location-max-age" };
  return null;
}
