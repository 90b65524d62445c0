// The `parameters` column as pyxform 4.5.0 reads it (parsing/parameters.py: `key=value` pairs
// separated by spaces, commas or semicolons, keys lower-cased) and the keys it accepts for each
// question type (validators/pyxform/parameters.py, called from xls2json.py and
// question_types/geo.py, range.py). Only these two refusals are mirrored; the values' own rules
// (numbers, true/false, package names…) are left to pyxform.
import type { ParsedType } from "./question-types";

/** The pairs of a parameters cell, or null where pyxform's grammar (`pair*`, `TOKEN "=" TOKEN`) refuses it. */
export function parseParameters(raw: string): Map<string, string> | null {
  const tokens = raw.match(/[^\s=,;]+|=/g) ?? [];
  const pairs = new Map<string, string>();
  if (tokens.length % 3 !== 0) return null;
  for (let i = 0; i < tokens.length; i += 3) {
    const [key, eq, value] = tokens.slice(i, i + 3);
    if (key === "=" || eq !== "=" || value === "=") return null;
    pairs.set(key.toLowerCase(), value);
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
