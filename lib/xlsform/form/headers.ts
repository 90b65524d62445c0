// Column headers read the way pyxform reads them (parsing/sheet_headers.py process_header, with the
// aliases of aliases.py): `Label`, `label:English`, `LABEL::EN`, `caption`, `relevance`, `read_only`,
// `count`, `image`, `List Name`… all name the column pyxform means. Each header then becomes a
// column of the form model: a translatable text (with its language, null for a bare column), a
// known single value, or a column kept verbatim (unknown columns, `bind::`, `instance::`, `body::`).
import type { ColumnRef } from "./model";

type Alias = string | readonly string[];

const SURVEY_ALIASES: Record<string, Alias> = {
  sms_field: "sms_field",
  sms_option: "sms_option",
  sms_separator: "sms_separator",
  sms_allow_media: "sms_allow_media",
  sms_date_format: "sms_date_format",
  sms_datetime_format: "sms_datetime_format",
  sms_response: "sms_response",
  compact_tag: ["instance", "odk:tag"],
  read_only: ["bind", "readonly"],
  readonly: ["bind", "readonly"],
  relevant: ["bind", "relevant"],
  caption: "label",
  appearance: ["control", "appearance"],
  relevance: ["bind", "relevant"],
  required: ["bind", "required"],
  constraint: ["bind", "constraint"],
  constraining_message: ["bind", "jr:constraintMsg"],
  constraint_message: ["bind", "jr:constraintMsg"],
  calculation: ["bind", "calculate"],
  calculate: ["bind", "calculate"],
  command: "type",
  tag: "name",
  value: "name",
  image: ["media", "image"],
  "big-image": ["media", "big-image"],
  audio: ["media", "audio"],
  video: ["media", "video"],
  count: ["control", "jr:count"],
  repeat_count: ["control", "jr:count"],
  "jr:count": ["control", "jr:count"],
  autoplay: ["control", "autoplay"],
  rows: ["control", "rows"],
  noapperrorstring: ["bind", "jr:noAppErrorString"],
  no_app_error_string: ["bind", "jr:noAppErrorString"],
  requiredmsg: ["bind", "jr:requiredMsg"],
  required_message: ["bind", "jr:requiredMsg"],
  body: "control",
  save_to: ["bind", "entities:saveto"],
};
// MultipleChoiceQuestion.get_slot_names() in pyxform 4.5.0.
const SURVEY_COLUMNS = new Set([
  "_dynamic_default",
  "_itemset_has_ref",
  "_qtd_defaults",
  "_qtd_kwargs",
  "actions",
  "bind",
  "choice_filter",
  "choices",
  "control",
  "default",
  "extra_data",
  "guidance_hint",
  "hint",
  "instance",
  "itemset",
  "label",
  "list_name",
  "media",
  "name",
  "parameters",
  "parent",
  "query",
  "sms_field",
  "trigger",
  "type",
]);

const CHOICES_ALIASES: Record<string, Alias> = {
  caption: "label",
  list_name: "list name",
  value: "name",
  image: ["media", "image"],
  "big-image": ["media", "big-image"],
  audio: ["media", "audio"],
  video: ["media", "video"],
};
// Option.get_slot_names().
const CHOICES_COLUMNS = new Set(["_choice_itext_ref", "extra_data", "label", "media", "name", "parent", "sms_option"]);

const SETTINGS_ALIASES: Record<string, Alias> = {
  form_title: "title",
  set_form_title: "title",
  form_id: "id_string",
  set_form_id: "id_string",
  prefix: "prefix",
};
// Survey.get_slot_names().
const SETTINGS_COLUMNS = new Set([
  "_created",
  "_translations",
  "_xpath",
  "add_none_option",
  "allow_choice_duplicates",
  "attribute",
  "auto_delete",
  "auto_send",
  "bind",
  "children",
  "choices",
  "clean_text_values",
  "client_editable",
  "control",
  "default_language",
  "delimiter",
  "entity_version",
  "extra_data",
  "file_name",
  "flat",
  "hint",
  "id_string",
  "instance",
  "instance_name",
  "instance_xmlns",
  "label",
  "media",
  "name",
  "namespaces",
  "omit_instanceID",
  "parent",
  "prefix",
  "public_key",
  "setgeopoint_by_triggering_ref",
  "setvalues_by_triggering_ref",
  "sms_allow_media",
  "sms_date_format",
  "sms_datetime_format",
  "sms_field",
  "sms_keyword",
  "sms_response",
  "sms_separator",
  "style",
  "submission_url",
  "title",
  "type",
  "version",
]);

export type SheetKind = "survey" | "choices" | "settings";

const RULES: Record<SheetKind, { aliases: Record<string, Alias>; columns: Set<string> }> = {
  survey: { aliases: SURVEY_ALIASES, columns: SURVEY_COLUMNS },
  choices: { aliases: CHOICES_ALIASES, columns: CHOICES_COLUMNS },
  settings: { aliases: SETTINGS_ALIASES, columns: SETTINGS_COLUMNS },
};

export const toSnakeCase = (value: string) => value.split(/\s+/).filter(Boolean).join("_").toLowerCase();

/** pyxform's process_header: the header's meaning as a tuple of tokens, and whether it was renamed. */
export function processHeader(
  header: string,
  useDoubleColon: boolean,
  kind: SheetKind,
): { renamed: boolean; tokens: string[] } {
  const { aliases, columns } = RULES[kind];
  if (columns.has(header) && !(header in aliases)) return { renamed: false, tokens: [header] };
  const normalised = toSnakeCase(header);
  if (columns.has(normalised) && !(normalised in aliases))
    return { renamed: normalised !== header, tokens: [normalised] };
  let tokens: string[];
  if (useDoubleColon || header.includes("::")) tokens = header.split("::").map((t) => t.trim());
  else {
    tokens = header.split(":").map((t) => t.trim());
    const jr = tokens.indexOf("jr");
    if (jr >= 0) tokens = [...tokens.slice(0, jr), `jr:${tokens[jr + 1]}`, ...tokens.slice(jr + 2)];
  }
  const first = toSnakeCase(tokens[0]);
  const alias = aliases[first];
  if (alias) {
    tokens = [...(typeof alias === "string" ? [alias] : alias), ...tokens.slice(1)];
    return { renamed: true, tokens };
  }
  if (columns.has(first)) return { renamed: first !== header, tokens: [first, ...tokens.slice(1)] };
  // Unknown columns keep their spelling: choice_filter expressions name them.
  return { renamed: false, tokens };
}

const MEDIA = new Set(["image", "big-image", "audio", "video"]);
const BIND_VALUES: Record<string, string> = {
  relevant: "relevant",
  required: "required",
  constraint: "constraint",
  calculate: "calculation",
  readonly: "read_only",
  "jr:noAppErrorString": "no_app_error_string",
  "entities:saveto": "save_to",
};
const BIND_TEXTS: Record<string, string> = {
  "jr:constraintMsg": "constraint_message",
  "jr:requiredMsg": "required_message",
};
const CONTROL_VALUES: Record<string, string> = {
  appearance: "appearance",
  "jr:count": "repeat_count",
  autoplay: "autoplay",
  rows: "rows",
};
const SURVEY_TEXTS = new Set(["label", "hint", "guidance_hint"]);
/** Headers written with these prefixes are kept exactly as written (pyxform passes them to the XForm). */
const VERBATIM_PREFIXES = new Set(["bind", "instance", "body", "control"]);

/** The model column a survey/choices/settings header stands for. */
export function classifyHeader(header: string, tokens: string[], kind: SheetKind): ColumnRef {
  const verbatim: ColumnRef = { header, key: header, language: null, kind: "verbatim" };
  const text = (key: string, rest: string[]): ColumnRef =>
    rest.length <= 1 ? { header, key, language: rest[0] ?? null, kind: "text" } : verbatim;
  const value = (key: string, rest: string[]): ColumnRef =>
    rest.length === 0 ? { header, key, language: null, kind: "value" } : verbatim;
  const written = toSnakeCase(header.split(/::|:/)[0]);
  if (kind === "settings") {
    if (tokens.length !== 1) return verbatim;
    const key =
      tokens[0] === "title"
        ? "form_title"
        : tokens[0] === "id_string" && written !== "id_string"
          ? "form_id"
          : tokens[0];
    return SETTINGS_COLUMNS.has(tokens[0]) ? value(key, []) : verbatim;
  }
  const [head, ...rest] = tokens;
  if (head === "media" && MEDIA.has(rest[0] ?? "")) return text(`media::${rest[0]}`, rest.slice(1));
  if (kind === "choices") {
    if (head === "label") return text("label", rest);
    if (head === "list name") return value("list_name", rest);
    if (head === "name") return value("name", rest);
    return verbatim;
  }
  if (VERBATIM_PREFIXES.has(written)) return verbatim;
  if (SURVEY_TEXTS.has(head)) return text(head, rest);
  if (head === "bind" && rest[0] && BIND_TEXTS[rest[0]]) return text(BIND_TEXTS[rest[0]], rest.slice(1));
  if (head === "bind" && rest[0] && BIND_VALUES[rest[0]]) return value(BIND_VALUES[rest[0]], rest.slice(1));
  if (head === "control" && rest[0] && CONTROL_VALUES[rest[0]]) return value(CONTROL_VALUES[rest[0]], rest.slice(1));
  if (head === "instance" && rest[0] === "odk:tag") return value("compact_tag", rest.slice(1));
  if (tokens.length === 1 && SURVEY_COLUMNS.has(head) && !["bind", "control", "instance", "media"].includes(head))
    return value(head, []);
  if (tokens.length === 1 && head.startsWith("sms_")) return value(head, []);
  return verbatim;
}

/** The header the writer uses for a model column it has no original header for. */
export function headerFor(key: string, language: string | null): string {
  return language === null ? key : `${key}::${language}`;
}
