// The `type` column as the validator reads it: the types pyxform accepts as written (no aliases),
// select types with their list, and the begin/end rows of groups and repeats. Stricter on purpose
// than form/question-types.ts (the lossless reader, which takes every alias pyxform knows): the
// bank's own export writes only these spellings.

/** Types collected silently (metadata, calculations): they need no label. */
export const UNLABELLED_TYPES = new Set([
  "calculate",
  "hidden",
  "start",
  "end",
  "today",
  "deviceid",
  "phonenumber",
  "username",
  "simserial",
  "subscriberid",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
  "xml-external",
  "csv-external",
  "background-geopoint",
]);
const PLAIN_TYPES = new Set([
  "text",
  "integer",
  "decimal",
  "date",
  "time",
  "datetime",
  "note",
  "geopoint",
  "geotrace",
  "geoshape",
  "image",
  "audio",
  "video",
  "file",
  "barcode",
  "acknowledge",
  "range",
  ...UNLABELLED_TYPES,
]);
const GROUP_TYPES: Record<string, { opens?: "group" | "repeat"; closes?: "group" | "repeat" }> = {
  begin_group: { opens: "group" },
  "begin group": { opens: "group" },
  end_group: { closes: "group" },
  "end group": { closes: "group" },
  begin_repeat: { opens: "repeat" },
  "begin repeat": { opens: "repeat" },
  end_repeat: { closes: "repeat" },
  "end repeat": { closes: "repeat" },
};
const SELECT = /^(select_one|select_multiple|select one|select multiple|rank)(\s+)(\S+)(?:\s+(or_other))?$/;
const SELECT_FROM_FILE = /^(select_one_from_file|select_multiple_from_file)\s+\S+\.(csv|xml|geojson)$/;

export type ParsedType =
  | { kind: "plain"; type: string }
  | { kind: "select"; select: "select_one" | "select_multiple" | "rank"; list: string; orOther: boolean }
  | { kind: "select_from_file"; type: string }
  | { kind: "structure"; opens?: "group" | "repeat"; closes?: "group" | "repeat" }
  | { kind: "bad_select" }
  | { kind: "unknown" };

export function parseType(raw: string): ParsedType {
  const type = raw.trim();
  if (PLAIN_TYPES.has(type)) return { kind: "plain", type };
  if (GROUP_TYPES[type]) return { kind: "structure", ...GROUP_TYPES[type] };
  const select = SELECT.exec(type);
  if (select) {
    const kind = select[1].replace(" ", "_") as "select_one" | "select_multiple" | "rank";
    if (select[2] !== " ") return { kind: "bad_select" };
    return { kind: "select", select: kind, list: select[3], orOther: !!select[4] };
  }
  if (SELECT_FROM_FILE.test(type)) return { kind: "select_from_file", type };
  if (/^(select_one|select_multiple|select one|select multiple|rank)\b/.test(type)) return { kind: "bad_select" };
  return { kind: "unknown" };
}
