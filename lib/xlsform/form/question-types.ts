// The `type` column read as pyxform reads it (xls2json.py RE_BEGIN_CONTROL, RE_END_CONTROL,
// RE_SELECT, aliases.py, question_type_dictionary.py): `begin group` and `begin_group`,
// `select one LIST`, `select all that apply from LIST or_other`, `select_one_from_file x.csv`,
// `int`, `gps`, `imei`… The text as written stays in the model; this is what it means.

export type ControlKind = "group" | "repeat" | "loop";
export type SelectKind =
  | "select_one"
  | "select_multiple"
  | "select_one_external"
  | "select_one_from_file"
  | "select_multiple_from_file"
  | "rank";

export type ParsedType =
  | { kind: "begin"; control: ControlKind; listName: string | null }
  | { kind: "end"; control: ControlKind }
  | { kind: "select"; select: SelectKind; listName: string; orOther: boolean }
  | { kind: "question"; type: string }
  | { kind: "unknown"; type: string };

// aliases.control, in pyxform's order (the alternation order of its regular expressions).
const CONTROL: Record<string, ControlKind> = {
  group: "group",
  lgroup: "repeat",
  repeat: "repeat",
  loop: "loop",
  "looped group": "repeat",
};
// aliases.select, in pyxform's order.
const SELECT: Record<string, SelectKind> = {
  "add select one prompt using": "select_one",
  "add select multiple prompt using": "select_multiple",
  "select all that apply from": "select_multiple",
  "select one from": "select_one",
  select1: "select_one",
  select_one: "select_one",
  "select one": "select_one",
  select_multiple: "select_multiple",
  "select all that apply": "select_multiple",
  select_one_external: "select_one_external",
  select_one_from_file: "select_one_from_file",
  select_multiple_from_file: "select_multiple_from_file",
  "select one from file": "select_one_from_file",
  "select multiple from file": "select_multiple_from_file",
  rank: "rank",
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (keys: string[]) => keys.map(escape).join("|");

const BEGIN = new RegExp(`^(begin)(\\s|_)(${alternation(Object.keys(CONTROL))})( (over )?(\\S+))?$`);
const END = new RegExp(`^(end)(\\s|_)(${alternation(Object.keys(CONTROL))})$`);
const SELECT_TYPE = new RegExp(
  `^(${alternation(Object.keys(SELECT))}) (\\S+)( (or specify other|or_other|or other))?$`,
);

// aliases._type_alias_map, applied by pyxform before anything else.
const TYPE_ALIASES: Record<string, string> = {
  imei: "deviceid",
  image: "photo",
  "add image prompt": "photo",
  "add photo prompt": "photo",
  "add audio prompt": "audio",
  "add video prompt": "video",
  "add file prompt": "file",
};

// question_type_dictionary.QUESTION_TYPE_DICT keys (pyxform 4.5.0), with each alias's meaning.
const QUESTION_TYPES: Record<string, string> = {
  acknowledge: "acknowledge",
  "add acknowledge prompt": "acknowledge",
  "q acknowledge": "acknowledge",
  trigger: "acknowledge",
  "add audio prompt": "audio",
  audio: "audio",
  "q audio": "audio",
  "add barcode prompt": "barcode",
  barcode: "barcode",
  "q barcode": "barcode",
  "add calculate prompt": "calculate",
  calculate: "calculate",
  "q calculate": "calculate",
  "add date prompt": "date",
  date: "date",
  "q date": "date",
  "add date time prompt": "datetime",
  "add dateTime prompt": "datetime",
  "date time": "datetime",
  dateTime: "datetime",
  datetime: "datetime",
  "q date time": "datetime",
  "q dateTime": "datetime",
  "add decimal prompt": "decimal",
  decimal: "decimal",
  "q decimal": "decimal",
  "add file prompt": "file",
  file: "file",
  "add image prompt": "image",
  image: "image",
  photo: "image",
  "q image": "image",
  "q picture": "image",
  "add integer prompt": "integer",
  int: "integer",
  integer: "integer",
  "q int": "integer",
  "add location prompt": "geopoint",
  geopoint: "geopoint",
  gps: "geopoint",
  location: "geopoint",
  "q geopoint": "geopoint",
  "q location": "geopoint",
  "add note prompt": "note",
  note: "note",
  "q note": "note",
  "add text prompt": "text",
  text: "text",
  string: "text",
  "q string": "text",
  "add video prompt": "video",
  video: "video",
  "q video": "video",
  audit: "audit",
  "background-audio": "background-audio",
  "background-geopoint": "background-geopoint",
  "csv-external": "csv-external",
  "xml-external": "xml-external",
  "device id": "deviceid",
  deviceid: "deviceid",
  "get device id": "deviceid",
  imei: "deviceid",
  "uri:deviceid": "deviceid",
  email: "email",
  "uri:email": "email",
  end: "end",
  "end time": "end",
  "get end time": "end",
  start: "start",
  "start time": "start",
  "get start time": "start",
  "start-geopoint": "start-geopoint",
  geoshape: "geoshape",
  "q geoshape": "geoshape",
  geotrace: "geotrace",
  "q geotrace": "geotrace",
  "get phone number": "phonenumber",
  "phone number": "phonenumber",
  phonenumber: "phonenumber",
  "uri:phonenumber": "phonenumber",
  "get sim id": "simserial",
  "sim id": "simserial",
  simserial: "simserial",
  "uri:simserial": "simserial",
  "get subscriber id": "subscriberid",
  "subscriber id": "subscriberid",
  subscriberid: "subscriberid",
  "uri:subscriberid": "subscriberid",
  "get today": "today",
  today: "today",
  hidden: "hidden",
  "number of days in last month": "integer",
  "number of days in last six months": "integer",
  "number of days in last year": "integer",
  osm: "osm",
  percentage: "integer",
  range: "range",
  time: "time",
  username: "username",
  "uri:username": "username",
  // Selects without a list: pyxform knows these names and then refuses them for want of a list.
  "add select multiple prompt using": "select_multiple",
  "add select one prompt using": "select_one",
  "q select": "select_multiple",
  "q select1": "select_one",
  rank: "rank",
  "select all that apply": "select_multiple",
  "select all that apply from": "select_multiple",
  "select multiple from": "select_multiple",
  "select multiple using": "select_multiple",
  "select one": "select_one",
  "select one external": "select_one_external",
  "select one using": "select_one",
};

/** Metadata types: no label, not shown to the enumerator, recorded by the device. */
export const METADATA_TYPES = new Set([
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
  "background-geopoint",
]);

/** pyxform's survey-sheet types that set a setting instead of adding a question. */
const SETTING_TYPES = new Set(["form_title", "set_form_title", "form_id", "set_form_id", "prefix"]);

/** The type as pyxform's row checks compare it: spaces collapsed, _type_alias_map applied. */
export function aliasedType(raw: string): string {
  const text = raw.trim().replace(/\s+/g, " ");
  return TYPE_ALIASES[text] ?? text;
}

export function parseType(raw: string): ParsedType {
  const text = raw.trim().replace(/\s+/g, " ");
  const aliased = aliasedType(raw);
  const begin = BEGIN.exec(aliased);
  if (begin) return { kind: "begin", control: CONTROL[begin[3]], listName: begin[6] ?? null };
  const end = END.exec(aliased);
  if (end) return { kind: "end", control: CONTROL[end[3]] };
  const select = SELECT_TYPE.exec(aliased);
  if (select)
    return { kind: "select", select: SELECT[select[1]], listName: select[2], orOther: select[3] !== undefined };
  if (aliased in QUESTION_TYPES) return { kind: "question", type: QUESTION_TYPES[aliased] };
  if (SETTING_TYPES.has(aliased)) return { kind: "question", type: aliased };
  // `osm LIST` (OpenStreetMap tags from the osm sheet).
  if (/^osm \S+/.test(aliased)) return { kind: "question", type: "osm" };
  return { kind: "unknown", type: text };
}

/** The canonical XLSForm spelling of a type, for rows the model creates. */
export function formatType(type: ParsedType): string {
  switch (type.kind) {
    case "begin":
      return `begin_${type.control}${type.listName ? ` ${type.listName}` : ""}`;
    case "end":
      return `end_${type.control}`;
    case "select":
      return `${type.select} ${type.listName}${type.orOther ? " or_other" : ""}`;
    default:
      return type.type;
  }
}
