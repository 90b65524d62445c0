// What the form reader reports: an error (pyxform would refuse the form too, or the file cannot be
// read safely) or a warning (the form is read; the person should know). Each points at the sheet,
// spreadsheet row (the header is row 1) and column a person will look at. `code` is what the
// interface translates; `describeProblem` gives the meaning in English (pyxform's own words where
// pyxform has a message), for logs, tests and API clients.
import type { ParameterValueProblem } from "./parameters";
export type FormProblemCode =
  // the file
  | "file_too_large"
  | "old_excel_format"
  | "not_a_spreadsheet"
  | "too_many_parts"
  | "encrypted"
  | "unpacked_too_large"
  | "unsafe_xml"
  | "too_many_rows"
  | "too_many_columns"
  | "formula_cell"
  | "rows_after_gap_ignored"
  // sheets and headers
  | "missing_survey_sheet"
  | "duplicate_header"
  | "duplicate_column_meaning"
  | "missing_required_column"
  | "both_form_id_and_id_string"
  // survey rows
  | "comment_row"
  | "missing_type"
  | "missing_name"
  | "audit_name"
  | "invalid_name"
  | "unknown_type"
  | "unmatched_end"
  | "unmatched_begin"
  | "unknown_list"
  | "missing_external_choices"
  | "parameters_format"
  | "parameters_not_accepted"
  // a value parameters.ts refuses (the codes are listed there, once)
  | ParameterValueProblem["code"]
  | "reference_geometry_unknown"
  | "external_instance_duplicate"
  | "instance_source_conflict"
  | "trigger_not_visible"
  | "background_geopoint_trigger"
  | "background_geopoint_calculation"
  | "missing_label"
  | "big_image_without_image"
  // the entities sheet and save_to (entities.ts)
  | "save_to_without_entities"
  | "save_to_delimiters"
  | "save_to_needs_list"
  | "save_to_unknown_list"
  | "save_to_on_group"
  | "save_to_duplicate"
  | "entity_name_reserved"
  | "entity_name_underscores"
  | "entity_name_period"
  | "entity_name_invalid"
  | "entity_list_missing"
  | "entity_list_duplicate"
  | "entity_needs_label"
  | "entity_needs_update_if"
  | "entity_needs_entity_id"
  | "unsupported_file_extension"
  | "unknown_external_list"
  | "missing_calculation"
  | "choice_name_with_space"
  | "or_other_with_choice_filter"
  | "duplicate_name"
  | "reserved_name"
  | "duplicate_repeat_name"
  // ${name} references, in any sheet
  | "malformed_reference"
  | "unknown_reference"
  | "ambiguous_reference"
  // choices rows
  | "choice_without_list"
  | "missing_choice_name"
  | "duplicate_choice";

export type FormProblem = {
  code: FormProblemCode;
  severity: "error" | "warning";
  sheet?: string;
  row?: number;
  column?: string;
  /** What the message names: a header, a type, a name, a list… */
  value?: string;
};

const MESSAGES: Record<FormProblemCode, (p: FormProblem) => string> = {
  file_too_large: () => "The file is larger than an XLSForm may be.",
  old_excel_format: () =>
    "This is an old Excel 97-2003 (.xls) file. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), then import the .xlsx file.",
  not_a_spreadsheet: () => "The file is not an .xlsx spreadsheet, or it is damaged.",
  too_many_parts: (p) => `The file has too many parts (${p.value}).`,
  encrypted: () => "The file is protected with a password; save it without one.",
  unpacked_too_large: (p) => `A part of the file (${p.value}) unpacks to more than is allowed.`,
  unsafe_xml: (p) => `A part of the file (${p.value}) declares XML entities, which are not allowed.`,
  too_many_rows: (p) => `The '${p.sheet}' sheet has more than ${p.value} rows that hold something.`,
  too_many_columns: (p) => `The '${p.sheet}' sheet has more columns (${p.value}) than allowed.`,
  formula_cell: (p) =>
    `This cell holds a formula; the value the spreadsheet saved (${p.value}) is used, as pyxform does.`,
  rows_after_gap_ignored: (p) =>
    `Rows from ${p.row} on follow more than ${p.value} empty rows: pyxform stops reading there, so they are not part of the form.`,
  missing_survey_sheet: () => "You must have a sheet named 'survey'.",
  duplicate_header: (p) => `Duplicate column header: ${p.value}`,
  duplicate_column_meaning: (p) =>
    `Invalid headers provided for sheet: '${p.sheet}'. Headers that are different names for the same column were found: '${p.value}'. Rename or remove one of these columns.`,
  missing_required_column: (p) =>
    `Invalid headers provided for sheet: '${p.sheet}'. One or more required column headers were not found: '${p.value}'.`,
  both_form_id_and_id_string: () =>
    "The form_id and id_string column headers are both specified in the settings sheet; id_string is ignored.",
  comment_row: (p) => `[row : ${p.row}] Row without name, text, or label is being skipped.`,
  missing_type: (p) => `[row : ${p.row}] Question with no type.`,
  missing_name: (p) => `[row : ${p.row}] Question or group with no name.`,
  audit_name: (p) => `[row : ${p.row}] Audits must always be named 'audit.' The name column should be left blank.`,
  invalid_name: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Names must begin with a letter or underscore; other characters may be letters, digits, hyphens, periods or underscores.`,
  unknown_type: (p) => `[row : ${p.row}] Unknown question type '${p.value}'.`,
  unmatched_end: (p) => `[row : ${p.row}] Unmatched '${p.value}'. No matching 'begin' was found for the name.`,
  unmatched_begin: (p) => `[row : ${p.row}] Unmatched '${p.value}'. No matching 'end' was found for the name.`,
  unknown_list: (p) => `[row : ${p.row}] List name not in choices sheet: ${p.value}`,
  unsupported_file_extension: (p) =>
    `[row : ${p.row}] File name for '${p.value}' should end with one of the supported file extensions: '.xml', '.csv', '.geojson'`,
  save_to_without_entities: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. To save entity properties using the save_to column, add an entities sheet and declare an entity.`,
  save_to_delimiters: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. A 'save_to' value must have at most one '#' delimiter character. Please check the spelling of this 'save_to' value.`,
  save_to_needs_list: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. When there is more than one entity declaration, 'save_to' names must be prefixed with the entity 'list_name' that the property belongs to.`,
  save_to_unknown_list: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. The entity list name '${p.value}' was not found on the entities sheet.`,
  save_to_on_group: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. Groups and repeats can't be saved as entity properties. Either remove or move the save_to value in this row.`,
  save_to_duplicate: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'save_to' value is invalid. The save_to property '${p.value}' is already assigned by another row.`,
  entity_name_reserved: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Names used here must not be 'name' or 'label' (case-insensitive).`,
  entity_name_underscores: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Names used here must not begin with two underscores.`,
  entity_name_period: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Names used here must not contain a period.`,
  entity_name_invalid: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Names must begin with a letter or underscore. After the first character, names may contain letters, digits, underscores, hyphens, or periods.`,
  entity_list_missing: (p) =>
    `[row : ${p.row}] On the 'entities' sheet, the 'list_name' value is invalid. The 'list_name' column must not be empty.`,
  entity_list_duplicate: (p) =>
    `[row : ${p.row}] On the 'entities' sheet, the 'list_name' value is invalid. The 'list_name' column must not have any duplicate names.`,
  entity_needs_label: (p) =>
    `[row : ${p.row}] On the 'entities' sheet, the entity declaration is invalid. The entity list name '${p.value}' does not have a label, but a 'label' is required when creating entities.`,
  entity_needs_update_if: (p) =>
    `[row : ${p.row}] On the 'entities' sheet, the entity declaration is invalid. The entity list name '${p.value}' does not have an 'update_if' expression, but an 'update_if' is required when upserting entities.`,
  entity_needs_entity_id: (p) =>
    `[row : ${p.row}] On the 'entities' sheet, the entity declaration is invalid. The entity list name '${p.value}' does not have an 'entity_id' expression, but an 'entity_id' is required when updating entities.`,
  parameters_format: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. Parameters must be in the form of 'key1=value1 key2=value2.`,
  parameters_not_accepted: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. The following are invalid parameter(s) for this question type: '${p.value}'.`,
  parameter_integer: (p) => `[row : ${p.row}] Parameter ${p.value} must have an integer value.`,
  parameter_number: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. The '${p.value}' parameter must have a numeric value.`,
  parameter_true_false: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. The '${p.value}' parameter must be either 'true' or 'false'.`,
  parameter_incremental: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. For geoshape and geotrace questions, the 'incremental' parameter may either be 'true' or not included.`,
  parameter_quality: (p) => `[row : ${p.row}] Invalid value for quality (accepted: ${p.value}).`,
  parameter_app_package: (p) =>
    `[row : ${p.row}] Parameter 'app' has an invalid Android package name: it must be dot-separated segments that each begin with a letter and hold only letters, digits and underscores.`,
  parameter_seed: (p) => `[row : ${p.row}] seed value must be a number or a reference to another field.`,
  parameter_seed_needs_randomize: (p) => `[row : ${p.row}] Parameters must include randomize=true to use a seed.`,
  parameter_choice: (p) => `[row : ${p.row}] Parameter value invalid; write ${p.value}.`,
  parameter_audit_location: (p) =>
    `[row : ${p.row}] To include location information in the audit, '${p.value}' are required parameters.`,
  parameter_not_negative: (p) => `[row : ${p.row}] Parameter ${p.value} must be greater than or equal to zero.`,
  parameter_max_age_below_interval: (p) =>
    `[row : ${p.row}] Parameter location-max-age must be greater than or equal to location-min-interval.`,
  reference_geometry_unknown: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'parameters' value is invalid. The 'reference-geometry' parameter must either match a secondary instance name (a choices list_name, an entities list_name, or the base name of an attached file), or be a reference variable containing the name of a repeat. '${p.value}' is neither.`,
  external_instance_duplicate: (p) =>
    `[row : ${p.row}] Instance names must be unique within a form. The name '${p.value}' is used by more than one xml-external or csv-external row.`,
  instance_source_conflict: (p) =>
    `[row : ${p.row}] The same instance id will be generated for different external instance source URIs. Please check the form. Instance name: '${p.value}'.`,
  trigger_not_visible: (p) =>
    `[row : ${p.row}] The question \${${p.value}} is not user-visible so it can't be used as a calculation trigger for this row.`,
  background_geopoint_trigger: (p) =>
    `[row : ${p.row}] For 'background-geopoint' questions, the 'trigger' column must not be empty.`,
  background_geopoint_calculation: (p) =>
    `[row : ${p.row}] For 'background-geopoint' questions, the 'calculation' column must be empty.`,
  big_image_without_image: (p) =>
    `[row : ${p.row}] To use big-image, you must also specify an image for the survey element named ${p.value}.`,
  missing_label: (p) => `[row : ${p.row}] The survey element named '${p.value}' has no label or hint.`,
  missing_external_choices: () =>
    "There should be an external_choices sheet in this xlsform. Please ensure that the external_choices sheet has columns 'list name', and 'name'.",
  unknown_external_list: (p) => `[row : ${p.row}]List name not in external choices sheet: ${p.value}`,
  missing_calculation: (p) => `[row : ${p.row}] Missing calculation.`,
  choice_name_with_space: (p) =>
    `Choice names with spaces cannot be added to multiple choice selects. See [${p.value}] (row ${p.row} of the choices sheet).`,
  or_other_with_choice_filter: (p) => `[row : ${p.row}] Choice filter not supported with or_other.`,
  duplicate_name: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'name' value '${p.value}' is invalid. Questions, groups, and repeats must be unique within their nearest parent group or repeat, or the survey if not inside a group or repeat.`,
  reserved_name: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'name' value 'meta' is invalid. The name 'meta' is reserved for form metadata.`,
  duplicate_repeat_name: (p) =>
    `[row : ${p.row}] On the 'survey' sheet, the 'name' value '${p.value}' is invalid. Repeat names must unique anywhere in the survey, at all levels of group or repeat nesting.`,
  malformed_reference: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Reference variables must start with '\${', then a question name, and end with '}'.`,
  unknown_reference: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Reference variables must contain a name from the 'survey' sheet. Could not find the name '${p.value}'.`,
  ambiguous_reference: (p) =>
    `[row : ${p.row}] On the '${p.sheet}' sheet, the '${p.column}' value is invalid. Reference variables names must be unique anywhere in the 'survey'. The name '${p.value}' appears more than once.`,
  missing_choice_name: (p) =>
    `[row : ${p.row}] On the 'choices' sheet, the 'name' value is invalid. Choices must have a name.`,
  duplicate_choice: (p) =>
    `[row : ${p.row}] On the 'choices' sheet, the 'name' value is invalid. Choice names must be unique for each choice list. If this is intentional, use the setting 'allow_choice_duplicates'.`,
  choice_without_list: (p) =>
    `[row : ${p.row}] On the 'choices' sheet, this choice has no list_name: pyxform leaves it out.`,
};

export function describeProblem(problem: FormProblem): string {
  return MESSAGES[problem.code](problem);
}
