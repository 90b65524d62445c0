// XLSForms written the way field teams write them (KoboToolbox, ODK, Excel by hand), each one
// exercising what a lossless import must keep. Generated with exceljs; cells are what a person
// types (strings, with numbers where people type numbers).
import ExcelJS from "exceljs";

export type Cell = string | number | boolean | null;
export type Sheets = Record<string, Cell[][]>;

export async function workbook(sheets: Sheets): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row.map((c) => (c === null ? undefined : c)));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const settings = (title: string, id: string, extra: Record<string, string> = {}) => [
  ["form_title", "form_id", "version", ...Object.keys(extra)],
  [title, id, "2024120501", ...Object.values(extra)],
];

export const FORMS: Record<string, Sheets> = {
  "nested groups and repeats with repeat_count": {
    survey: [
      ["type", "name", "label", "relevant", "appearance", "repeat_count"],
      ["integer", "hh_size", "How many people live in the household?", null, null, null],
      ["begin_group", "household", "Household", null, "field-list", null],
      ["text", "village", "Village", null, null, null],
      ["begin_group", "head", "Head of household", "${hh_size} > 0", null, null],
      ["text", "head_name", "Name", null, null, null],
      ["end_group", null, null, null, null, null],
      ["begin_repeat", "member", "Member", null, null, "${hh_size}"],
      ["text", "member_name", "Name", null, null, null],
      ["integer", "age", "Age", null, null, null],
      ["begin_repeat", "visit", "Visit", "${age} < 5", null, "${age} + 1"],
      ["date", "visit_date", "Date of visit", null, null, null],
      ["begin_group", "vitals", "Vitals", null, null, null],
      ["decimal", "weight", "Weight (kg)", null, null, null],
      ["end_group", null, null, null, null, null],
      ["end_repeat", null, null, null, null, null],
      ["end_repeat", null, null, null, null, null],
      ["end_group", null, null, null, null, null],
      ["note", "thanks", "Thank you", null, null, null],
    ],
    settings: settings("Household roster", "hh_roster"),
  },
  "cascading selects with choice_filter and extra choice columns": {
    survey: [
      ["type", "name", "label", "choice_filter", "required"],
      ["select_one region", "region", "Region", null, "yes"],
      ["select_one district", "district", "District", "region=${region}", "yes"],
      ["select_one facility", "facility", "Facility", "region=${region} and district=${district}", null],
      ["select_multiple symptom", "symptoms", "Symptoms", "level <= 2", null],
    ],
    choices: [
      ["list_name", "name", "label", "region", "district", "level"],
      ["region", "north", "North", null, null, null],
      ["region", "south", "South", null, null, null],
      ["district", "n1", "North One", "north", null, null],
      ["symptom", "fever", "Fever", null, null, 1],
      ["district", "n2", "North Two", "north", null, null],
      ["district", "s1", "South One", "south", null, null],
      ["facility", "f1", "Clinic A", "north", "n1", null],
      ["facility", "f2", "Clinic B", "south", "s1", null],
      ["symptom", "cough", "Cough", null, null, 2],
      ["symptom", "rash", "Rash", null, null, 3],
    ],
    settings: settings("Cascading", "cascading"),
  },
  "calculate, hidden and metadata without any group": {
    survey: [
      ["type", "name", "label", "calculation", "default", "read_only", "trigger", "hint"],
      ["start", "start", null, null, null, null, null, null],
      ["end", "end", null, null, null, null, null, null],
      ["today", "today", null, null, null, null, null, null],
      ["deviceid", "deviceid", null, null, null, null, null, null],
      ["username", "username", null, null, null, null, null, null],
      ["audit", "audit", null, null, null, null, null, null],
      ["integer", "adults", "Adults", null, "1", null, null, "Count yourself"],
      ["integer", "children", "Children", null, "0", null, null, null],
      ["calculate", "total", null, "${adults} + ${children}", null, null, null, null],
      ["hidden", "source", null, null, "kobo", null, null, null],
      ["text", "total_shown", "Total", null, null, "yes", null, null],
      ["calculate", "stamp", null, "now()", null, null, "${adults}", null],
      ["note", "summary", "Total people: ${total}", null, null, null, null, null],
    ],
    settings: settings("Metadata", "metadata"),
  },
  "or_other on select_one and select_multiple": {
    survey: [
      ["type", "name", "label"],
      ["select_one water or_other", "water", "Main source of water"],
      ["select_multiple water or_other", "water_all", "All sources of water"],
      ["select one water", "water_dry", "Source in the dry season"],
    ],
    choices: [
      ["list_name", "name", "label"],
      ["water", "tap", "Tap"],
      ["water", "well", "Well"],
      ["water", "river", "River"],
    ],
  },
  "six languages with a bare label column": {
    survey: [
      ["type", "name", "label", "label::Français (fr)", "label::Español (es)", "label::العربية (ar)", "label::Kiswahili (sw)", "label::Hausa (ha)", "hint", "hint::Kiswahili (sw)", "constraint", "constraint_message", "constraint_message::Hausa (ha)"],
      ["begin_group", "intro", "Introduction", "Introduction", "Introducción", "مقدمة", "Utangulizi", "Gabatarwa", null, null, null, null, null],
      ["integer", "age", "Age", "Âge", "Edad", "العمر ${age}", "Umri", "Shekaru", "In years", "Kwa miaka", ". >= 0 and . <= 120", "Between 0 and 120", "Tsakanin 0 da 120"],
      ["select_one yn", "consent", "Consent?", "Consentement ?", "¿Consiente?", "موافقة؟", "Idhini?", "Yarda?", null, null, null, null, null],
      ["end_group", null, null, null, null, null, null, null, null, null, null, null, null],
    ],
    choices: [
      ["list_name", "name", "label", "label::Français (fr)", "label::Español (es)", "label::العربية (ar)", "label::Kiswahili (sw)", "label::Hausa (ha)"],
      ["yn", "yes", "Yes", "Oui", "Sí", "نعم", "Ndiyo", "Eh"],
      ["yn", "no", "No", "Non", "No", "لا", "Hapana", "A'a"],
    ],
    settings: [
      ["form_title", "form_id", "default_language"],
      ["Six languages", "six_languages", "English (en)"],
    ],
  },
  "media columns on survey and choices": {
    survey: [
      ["type", "name", "label::English (en)", "label::Français (fr)", "media::image::English (en)", "media::image::Français (fr)", "audio", "media::video::English (en)", "big-image"],
      ["note", "welcome", "Welcome", "Bienvenue", "welcome.png", "bienvenue.png", "welcome.mp3", null, null],
      ["select_one animal", "animal", "Which animal?", "Quel animal ?", "animals.jpg", null, null, "animal.mp4", "animals_big.jpg"],
    ],
    choices: [
      ["list_name", "name", "label::English (en)", "label::Français (fr)", "image", "media::audio::English (en)"],
      ["animal", "cow", "Cow", "Vache", "cow.png", "cow.mp3"],
      ["animal", "goat", "Goat", "Chèvre", "goat.png", null],
    ],
    settings: settings("Media", "media", { default_language: "English (en)" }),
  },
  "guidance_hint, required and constraint messages in two languages": {
    survey: [
      ["type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)", "guidance_hint::English (en)", "guidance_hint::Français (fr)", "required", "required_message::English (en)", "required_message::Français (fr)", "constraint", "constraint_message::English (en)"],
      ["integer", "weeks", "Weeks pregnant", "Semaines de grossesse", "Ask the card", "Count from the last period", "Compter depuis les dernières règles", "yes", "Please answer", "Veuillez répondre", ". < 45", "Under 45"],
      ["text", "notes", "Notes", "Notes", null, "Anything else", null, "no", null, null, null, null],
    ],
    settings: settings("Guidance", "guidance"),
  },
  "bind:: and instance:: columns and unknown columns kept verbatim": {
    survey: [
      ["type", "name", "label", "bind::jr:preload", "bind::jr:preloadParams", "instance::odk:tag", "Designer notes", "kobo--score", "body::accuracyThreshold"],
      ["text", "who", "Interviewer", null, null, "interviewer", "Ask at the start", null, null],
      ["dateTime", "when", "When", "timestamp", "start", null, "auto", "3", null],
      ["geopoint", "where", "Where", null, null, null, null, null, "10"],
    ],
    settings: settings("Verbatim", "verbatim"),
  },
  "type aliases and single-colon headers": {
    survey: [
      ["type", "name", "label:English", "label:French", "hint:English"],
      ["begin group", "g1", "Group one", "Groupe un", null],
      ["select one yn", "q1", "Question one", "Question un", "Pick one"],
      ["select all that apply from colours", "q2", "Colours", "Couleurs", null],
      ["int", "q3", "A number", "Un nombre", null],
      ["string", "q4", "Some text", "Du texte", null],
      ["gps", "q5", "Location", "Lieu", null],
      ["end group", null, null, null, null],
      ["begin_group", "g2", "Group two", "Groupe deux", null],
      ["select_one_from_file cities.csv", "city", "City", "Ville", null],
      ["select_multiple_from_file regions.xml", "regions", "Regions", "Régions", null],
      ["imei", "imei", null, null, null],
      ["end_group", null, null, null, null],
    ],
    choices: [
      ["list name", "name", "label:English", "label:French"],
      ["yn", "yes", "Yes", "Oui"],
      ["yn", "no", "No", "Non"],
      ["colours", "red", "Red", "Rouge"],
      ["colours", "blue", "Blue", "Bleu"],
    ],
  },
  "header spellings: LABEL::EN, Hint, relevance, read_only, count": {
    survey: [
      ["TYPE", "Name", "LABEL::EN", "Label::FR", "Hint::EN", "relevance", "read_only", "count", "Appearance", "Calculate"],
      ["integer", "n", "How many?", "Combien ?", "A number", null, null, null, null, null],
      ["begin repeat", "items", "Items", "Articles", null, "${n} > 0", null, "${n}", null, null],
      ["text", "item", "Item", "Article", null, null, null, null, "multiline", null],
      ["calculate", "pos", null, null, null, null, "true", null, null, "position(..)"],
      ["end repeat", null, null, null, null, null, null, null, null, null],
    ],
    choices: [["List Name", "Name", "LABEL::EN", "Label::FR"]],
    settings: [
      ["Form_Title", "form_id", "Version", "default_language"],
      ["Spellings", "spellings", "3", "EN"],
    ],
  },
  "settings with form_id, version, default_language, instance_name, style and an unknown setting": {
    survey: [
      ["type", "name", "label::English (en)", "label::Español (es)"],
      ["text", "respondent", "Respondent name", "Nombre"],
      ["integer", "age", "Age", "Edad"],
    ],
    settings: [
      ["form_title", "form_id", "version", "default_language", "instance_name", "style", "allow_choice_duplicates", "project_code"],
      ["Settings form", "settings_form", "7", "Español (es)", "concat(${respondent}, '-', ${age})", "pages", "yes", "HX-22"],
    ],
  },
  "every question type pyxform knows": {
    survey: [
      ["type", "name", "label", "parameters", "appearance"],
      ["text", "t", "Text", null, null],
      ["integer", "i", "Integer", null, null],
      ["decimal", "d", "Decimal", null, null],
      ["date", "da", "Date", null, null],
      ["time", "ti", "Time", null, null],
      ["datetime", "dt", "Date and time", null, null],
      ["geopoint", "gp", "Point", null, null],
      ["geotrace", "gt", "Line", null, null],
      ["geoshape", "gs", "Shape", null, null],
      ["image", "img", "Photo", "max-pixels=1024", null],
      ["audio", "au", "Audio", null, null],
      ["video", "vi", "Video", null, null],
      ["file", "fi", "File", null, null],
      ["barcode", "bc", "Barcode", null, null],
      ["acknowledge", "ack", "OK?", null, null],
      ["range", "ra", "Range", "start=1 end=10 step=1", null],
      ["rank yn", "rk", "Rank", null, null],
      ["select_one yn", "so", "One", null, "minimal"],
      ["select_multiple yn", "sm", "Many", null, "likert"],
      ["note", null, "A note without a name", null, null],
      ["email", "email", null, null, null],
      ["phonenumber", "phone", null, null, null],
      ["start-geopoint", "sgp", null, null, null],
      ["background-audio", "bga", null, null, null],
      ["csv-external", "households", null, null, null],
      ["select_one yn", "randomised", "Randomised", "randomize=true seed=${i}", null],
      ["trigger", "tr", "Trigger", null, null],
    ],
    choices: [
      ["list_name", "name", "label"],
      ["yn", "yes", "Yes"],
      ["yn", "no", "No"],
    ],
    settings: settings("All types", "all_types"),
  },
  "external_choices and entities sheets carried as they are": {
    survey: [
      ["type", "name", "label", "choice_filter", "save_to"],
      ["text", "state", "State", null, null],
      ["select_one_external city", "city", "City", "state=${state}", null],
      ["text", "household_name", "Household name", null, "hh_name"],
    ],
    external_choices: [
      ["list_name", "name", "label", "state"],
      ["city", "nairobi", "Nairobi", "nairobi_county"],
      ["city", "mombasa", "Mombasa", "coast"],
    ],
    entities: [
      ["list_name", "label"],
      ["households", "${household_name}"],
    ],
    settings: settings("External and entities", "external_entities"),
  },
  "select from repeat answers, loop, table-list, dynamic defaults and control columns": {
    survey: [
      ["type", "name", "label", "hint", "default", "appearance", "rows", "autoplay", "audio", "parameters", "relevant"],
      ["audit", "audit", null, null, null, null, null, null, null, "location-priority=balanced location-min-interval=60 location-max-age=120", null],
      ["begin_repeat", "people", "People", null, null, null, null, null, null, null, null],
      ["text", "pname", "Name", null, null, null, null, null, null, null, null],
      ["end_repeat", null, null, null, null, null, null, null, null, null, null],
      ["select_one ${pname}", "head", "Who is the head of household?", null, null, null, null, null, null, null, null],
      ["date", "visit", "Visit date", null, "today()", null, null, null, null, null, null],
      ["text", "story", "Tell us more", null, null, "multiline", "5", "audio", "story.mp3", null, null],
      ["begin_group", "grid", "Grid", "Answer each", null, "table-list", null, null, null, null, "${visit} != ''"],
      ["select_one yn", "g1", "Water?", null, null, null, null, null, null, null, null],
      ["select_one yn", "g2", "Power?", null, null, null, null, null, null, null, null],
      ["end_group", null, null, null, null, null, null, null, null, null, null],
      ["begin loop over yn", "each", "For each answer", null, null, null, null, null, null, null, null],
      ["integer", "count", "How many?", null, null, null, null, null, null, null, null],
      ["end loop", null, null, null, null, null, null, null, null, null, null],
      ["note", "bye", null, "Only a hint", null, null, null, null, null, null, null],
    ],
    choices: [
      ["list_name", "name", "label"],
      ["yn", "yes", "Yes"],
      ["yn", "no", "No"],
    ],
  },
  "comment rows, empty rows and a group named like its end": {
    survey: [
      ["type", "name", "label", "comment"],
      [null, null, null, "Section A starts here"],
      ["begin_group", "a", "Section A", null],
      ["text", "a1", "First", null],
      [null, null, null, null],
      ["text", "a2", "Second", null],
      ["end_group", "a", null, "closing A"],
      ["text", "outside", "Outside any group", null],
    ],
  },
};
