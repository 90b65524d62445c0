// The lossless form model, proven against pyxform: each form is read into the model, written back,
// and both files are converted by pyxform; the two XForms must be the same (form and instance ids
// aside), and pyxform must say the same warnings about both. Skips with a warning where python3,
// its Debian packages or the vendored pyxform are missing.
import { beforeAll, describe, expect, it } from "vitest";
import { readFormFile } from "@/lib/xlsform/form/read-form";
import { writeFormFile } from "@/lib/xlsform/form/write-form";
import type { FormModel } from "@/lib/xlsform/form/model";
import { describeProblem, type FormProblemCode } from "@/lib/xlsform/form/problems";
import { readTables } from "@/lib/xlsform/form/read-tables";
import { FORMS, workbook, type Sheets } from "./xlsform-form/forms";
import { convertWithPyxform, pyxformMissing, type Conversion } from "./xlsform-form/pyxform";
import { libreOfficeShaped, savedByOpenpyxl } from "./xlsform-form/other-writers";

async function roundTrip(original: Uint8Array) {
  const read = await readFormFile(original);
  if (!read.ok) throw new Error(`not read: ${JSON.stringify(read.problems)}`);
  const written = await writeFormFile(read.form);
  const [before, after] = await convertWithPyxform([original, written]);
  return { read, written, before, after };
}

function expectSameXForm(before: Conversion, after: Conversion) {
  if (!before.ok) throw new Error(`pyxform refused the original form: ${before.error}`);
  if (!after.ok) throw new Error(`pyxform refused the re-exported form: ${after.error}`);
  // Line by line, so that a difference shows where it is.
  expect(after.xform.split("><").join(">\n<")).toBe(before.xform.split("><").join(">\n<"));
  expect(after.warnings).toEqual(before.warnings);
}

// What pyxform's XForm of each original must show, so that a form cannot pass by not exercising
// the feature it is named after.
const FEATURES: Partial<Record<keyof typeof FORMS, RegExp[]>> = {
  "nested groups and repeats with repeat_count": [
    /jr:count=" \/data\/hh_size "/,
    /<repeat nodeset="\/data\/household\/member\/visit"/,
    /nodeset="\/data\/household\/member\/visit_count"/,
  ],
  "cascading selects with choice_filter and extra choice columns": [
    /instance\('district'\)\/root\/item\[region= \/data\/region \]/,
    /<district>n1<\/district>/,
  ],
  "calculate, hidden and metadata without any group": [
    /<audit\/>/,
    /jr:preloadParams="deviceid"/,
    /calculate=" \/data\/adults  \+  \/data\/children "/,
    /<\/h:body>/,
  ],
  "or_other on select_one and select_multiple": [
    /<water_other\/>/,
    /<water_all_other\/>/,
    /<name>other<\/name><label>Other<\/label>/,
  ],
  "six languages with a bare label column": [
    /<translation lang="English \(en\)" default="true\(\)">/,
    /<translation lang="Hausa \(ha\)">/,
    /<translation lang="Kiswahili \(sw\)">/,
  ],
  "media columns on survey and choices": [
    /<value form="big-image">jr:\/\/images\/animals_big.jpg<\/value>/,
    /<value form="audio">jr:\/\/audio\/cow.mp3<\/value>/,
  ],
  "guidance_hint, required and constraint messages in two languages": [
    /<value form="guidance">Compter depuis/,
    /jr:requiredMsg="jr:itext/,
  ],
  "bind:: and instance:: columns and unknown columns kept verbatim": [
    /jr:preload="timestamp" jr:preloadParams="start"/,
    /odk:tag="interviewer"/,
    /accuracyThreshold="10"/,
  ],
  "type aliases and single-colon headers": [
    /<instance id="cities" src="jr:\/\/file-csv\/cities.csv"\/>/,
    /<translation lang="French">/,
    /type="geopoint"/,
  ],
  "header spellings: LABEL::EN, Hint, relevance, read_only, count": [
    /jr:count=" \/data\/n "/,
    /relevant=" \/data\/n  &gt; 0"/,
    /<translation lang="EN" default="true\(\)">/,
  ],
  "settings with form_id, version, default_language, instance_name, style and an unknown setting": [
    /<h:body class="pages">/,
    /<instanceName\/>/,
    /version="7"/,
    /<translation lang="Español \(es\)" default="true\(\)">/,
  ],
  "every question type pyxform knows": [
    /<range ref="\/data\/ra" start="1" end="10" step="1">/,
    /<odk:rank ref="\/data\/rk">/,
    /<odk:recordaudio/,
    /<generated_note_name_21\/>/,
  ],
  "select from repeat answers, loop, table-list, dynamic defaults and control columns": [
    /nodeset="\/data\/people"/,
    /<itemset nodeset="\/data\/people\[/,
    /<setvalue ref="\/data\/visit" event="odk-instance-first-load" value="today\(\)"\/>/,
    /rows="5"/,
    /appearance="field-list"/,
    /<each>/,
    /location-priority="balanced"/,
  ],
  "settings naming the form id id_string, with duplicate choices allowed": [
    /<data id="crop_survey"/,
    /<h:title>crop_survey<\/h:title>/,
  ],
  "an audit with its name left empty, with parameters": [/<audit\/>/, /odk:track-changes="true"/],
  "an entity list with save_to prefixed by its list name": [/<entity dataset="trees"/, /entities:saveto="species"/],
  "parameters separated by spaces, commas and semicolons": [
    /<itemset nodeset="randomize\(instance\('yn'\)\/root\/item, 42\)">/,
    /orx:max-pixels="1024"/,
    /rows="4"/,
    /accuracyThreshold="5"/,
    /<range ref="\/data\/score" start="0" end="10" step="2">/,
  ],
  "settings with both id_string and form_id": [/<data id="farm_visit"/, /<h:title>farm_visit<\/h:title>/],
  "external_choices and entities sheets carried as they are": [
    /<entity dataset="households"/,
    /entities:saveto="hh_name"/,
  ],
};

describe.skipIf(!!pyxformMissing)("form model round trip, checked with pyxform", () => {
  const titles = Object.keys(FORMS) as (keyof typeof FORMS)[];
  const outcomes = new Map<string, { problems: string } | { before: Conversion; after: Conversion }>();
  // One Python process converts every original and every re-export (starting pyxform is the slow part).
  beforeAll(async () => {
    const files: Uint8Array[] = [];
    const converted: string[] = [];
    for (const title of titles) {
      const original = await workbook(FORMS[title]);
      const read = await readFormFile(original);
      if (!read.ok) outcomes.set(title, { problems: JSON.stringify(read.problems) });
      else {
        files.push(original, await writeFormFile(read.form));
        converted.push(title);
      }
    }
    const results = await convertWithPyxform(files);
    converted.forEach((title, i) => outcomes.set(title, { before: results[2 * i], after: results[2 * i + 1] }));
  }, 300_000);

  for (const title of titles) {
    it(title, () => {
      const outcome = outcomes.get(title)!;
      if ("problems" in outcome) throw new Error(`not read: ${outcome.problems}`);
      expectSameXForm(outcome.before, outcome.after);
      if (outcome.before.ok) for (const feature of FEATURES[title] ?? []) expect(outcome.before.raw).toMatch(feature);
    });
  }

  it("a form saved by openpyxl (numbers, booleans and dates as typed cells)", async () => {
    const { before, after, read } = await roundTrip(savedByOpenpyxl());
    expectSameXForm(before, after);
    const age = read.form.survey.find((n) => n.kind === "question" && n.name === "age");
    expect(age?.values.default).toBe("30");
  });

  it("a LibreOffice-shaped form: 82 real rows and formatted empty rows to row 1,048,576", async () => {
    const { before, after, read } = await roundTrip(await libreOfficeShaped());
    expectSameXForm(before, after);
    expect(read.form.survey).toHaveLength(81);
  });
});

describe.skipIf(!!pyxformMissing)("the comparison can fail, and a model made from scratch converts", () => {
  it("a label changed in the model gives a different XForm", async () => {
    const original = await workbook(FORMS["six languages with a bare label column"]);
    const read = await readFormFile(original);
    if (!read.ok) throw new Error("not read");
    const group = read.form.survey[0];
    if (group.kind !== "group") throw new Error("expected a group");
    group.children[0].texts.label["Hausa (ha)"] = "Shekarunka";
    const [before, after] = await convertWithPyxform([original, await writeFormFile(read.form)]);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.xform).not.toBe(before.xform);
    expect(after.xform).toContain("Shekarunka");
  });

  it("a model with no original columns is written with one column per language, and pyxform accepts it", async () => {
    const cells = (label: Record<string, string>) => ({ row: 0, texts: { label }, values: {}, verbatim: {} });
    const form: FormModel = {
      settings: {
        values: { form_title: "Fresh", form_id: "fresh", version: "1", default_language: "English (en)" },
        verbatim: {},
      },
      languages: [],
      survey: [
        {
          ...cells({ "English (en)": "Age", "Kiswahili (sw)": "Umri" }),
          kind: "question",
          type: "integer",
          name: "age",
        },
        {
          ...cells({ "English (en)": "Details", "Kiswahili (sw)": "Maelezo" }),
          kind: "repeat",
          type: "begin_repeat",
          name: "details",
          children: [
            {
              ...cells({ "English (en)": "Sick?", "Kiswahili (sw)": "Mgonjwa?" }),
              kind: "question",
              type: "select_one yn",
              name: "sick",
            },
          ],
          end: { row: 0, texts: {}, values: {}, verbatim: {}, type: "end_repeat" },
        },
      ],
      choiceLists: [
        {
          name: "yn",
          choices: [
            { ...cells({ "English (en)": "Yes", "Kiswahili (sw)": "Ndiyo" }), name: "yes" },
            { ...cells({ "English (en)": "No", "Kiswahili (sw)": "Hapana" }), name: "no" },
          ],
        },
      ],
      columns: { survey: [], choices: [], settings: [] },
      sheets: { order: [], survey: "survey", choices: null, settings: null },
      otherSheets: [],
    };
    const bytes = await writeFormFile(form);
    const tables = await readTables(bytes);
    if (!tables.ok) throw new Error("unreadable");
    expect(tables.workbook.sheets.map((s) => [s.name, s.headers])).toEqual([
      ["survey", ["type", "name", "label::English (en)", "label::Kiswahili (sw)"]],
      ["choices", ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)"]],
      ["settings", ["form_title", "form_id", "version", "default_language"]],
    ]);
    const [converted] = await convertWithPyxform([bytes]);
    expect(converted).toMatchObject({ ok: true, warnings: [] });
    if (converted.ok) expect(converted.raw).toContain('<translation lang="Kiswahili (sw)">');
  });
});

const REFUSED: { title: string; sheets: Sheets; code: FormProblemCode; row?: number }[] = [
  {
    title: "an unknown type",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["Text", "a", "A"],
      ],
    },
    code: "unknown_type",
    row: 2,
  },
  {
    title: "an end_group with no begin",
    sheets: { survey: [["type", "name", "label"], ["text", "a", "A"], ["end_group"]] },
    code: "unmatched_end",
    row: 3,
  },
  {
    title: "a begin_repeat never closed",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["begin_repeat", "r", "R"],
        ["text", "a", "A"],
      ],
    },
    code: "unmatched_begin",
    row: 2,
  },
  {
    title: "a question with no name",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["text", null, "A"],
      ],
    },
    code: "missing_name",
    row: 2,
  },
  {
    title: "a question with no type",
    sheets: {
      survey: [
        ["type", "name", "label"],
        [null, "a", "A"],
      ],
    },
    code: "missing_type",
    row: 2,
  },
  {
    title: "a name that is not an XML name",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["text", "1st", "A"],
      ],
    },
    code: "invalid_name",
    row: 2,
  },
  {
    title: "a select whose list is not on the choices sheet",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_one yn", "a", "A"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["other", "x", "X"],
      ],
    },
    code: "unknown_list",
    row: 2,
  },
  {
    title: "a select_one_from_file whose file is not .csv, .xml or .geojson",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["text", "a", "A"],
        ["select_one_from_file villages.xlsx", "village", "Village"],
      ],
    },
    code: "unsupported_file_extension",
    row: 3,
  },
  {
    title: "a select_multiple_from_file whose file has two extensions",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_multiple_from_file crops.backup.csv", "crops", "Crops"],
      ],
    },
    code: "unsupported_file_extension",
    row: 2,
  },
  {
    title: "save_to without an entities sheet",
    sheets: {
      survey: [
        ["type", "name", "label", "save_to"],
        ["text", "a", "A", "prop"],
      ],
    },
    code: "save_to_without_entities",
    row: 2,
  },
  {
    title: "save_to on a group's begin row",
    sheets: {
      survey: [
        ["type", "name", "label", "save_to"],
        ["begin_group", "g", "G", "prop"],
        ["text", "a", "A", null],
        ["end_group", null, null, null],
      ],
      entities: [
        ["list_name", "label"],
        ["trees", "${a}"],
      ],
    },
    code: "save_to_on_group",
    row: 2,
  },
  {
    title: "a save_to property named label",
    sheets: {
      survey: [
        ["type", "name", "label", "save_to"],
        ["text", "a", "A", "Label"],
      ],
      entities: [
        ["list_name", "label"],
        ["trees", "${a}"],
      ],
    },
    code: "entity_name_reserved",
    row: 2,
  },
  {
    title: "save_to with no list name among two entity lists",
    sheets: {
      survey: [
        ["type", "name", "label", "save_to"],
        ["text", "a", "A", "prop"],
      ],
      entities: [
        ["list_name", "label"],
        ["trees", "${a}"],
        ["plots", "${a}"],
      ],
    },
    code: "save_to_needs_list",
    row: 2,
  },
  {
    title: "an entity list that creates entities without a label",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["text", "a", "A"],
      ],
      entities: [
        ["list_name", "create_if"],
        ["trees", "${a} != ''"],
      ],
    },
    code: "entity_needs_label",
    row: 2,
  },
  {
    title: "parameters that are not key=value pairs",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["image", "pic", "Photo", "app"],
      ],
    },
    code: "parameters_format",
    row: 2,
  },
  {
    title: "a parameter the question type does not accept",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", "rows=3"],
        ["integer", "b", "B", null],
        ["select_one yn", "c", "C", "randomize=true max-pixels=10"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
      ],
    },
    code: "parameters_not_accepted",
    row: 4,
  },
  {
    title: "a text row whose rows parameter is not a whole number",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", "rows=3"],
        ["text", "b", "B", "rows=2.5"],
      ],
    },
    code: "parameter_integer",
    row: 3,
  },
  {
    title: "a geopoint whose capture-accuracy is not a number",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["geopoint", "here", "Here", "capture-accuracy=1e1 warning-accuracy=close"],
      ],
    },
    code: "parameter_number",
    row: 2,
  },
  {
    title: "allow-mock-accuracy written as yes instead of true",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["geotrace", "path", "Path", "allow-mock-accuracy=yes"],
      ],
    },
    code: "parameter_true_false",
    row: 2,
  },
  {
    title: "a geoshape with incremental=false",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["geoshape", "field", "Field", "incremental=false"],
      ],
    },
    code: "parameter_incremental",
    row: 2,
  },
  {
    title: "a background-audio with the quality only audio accepts",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["audio", "voice", "Voice", "quality=external"],
        ["background-audio", "room", null, "quality=external"],
      ],
    },
    code: "parameter_quality",
    row: 3,
  },
  {
    title: "an image app that is not an Android package name",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters", "appearance"],
        ["image", "drawing", "Drawing", "app=camera", "draw"],
        ["image", "pic", "Photo", "app=org.2example.camera", null],
      ],
    },
    code: "parameter_app_package",
    row: 3,
  },
  {
    title: "a select's seed without randomize=true",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["select_one yn", "q", "Q", "seed=7"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
      ],
    },
    code: "parameter_seed_needs_randomize",
    row: 2,
  },
  {
    title: "a select's seed that is neither a number nor a reference",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["select_multiple yn", "q", "Q", "randomize=true seed=lucky"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
      ],
    },
    code: "parameter_seed",
    row: 2,
  },
  {
    title: "an audit with only some of the location parameters",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", null],
        ["audit", null, null, "location-priority=balanced location-max-age=60"],
      ],
    },
    code: "parameter_audit_location",
    row: 3,
  },
  {
    title: "an audit's location-priority that is not one of the four",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", null],
        ["audit", null, null, "location-priority=fast location-min-interval=10 location-max-age=60"],
      ],
    },
    code: "parameter_choice",
    row: 3,
  },
  {
    title: "an audit's negative location-min-interval",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", null],
        ["audit", null, null, "location-priority=balanced location-min-interval=-5 location-max-age=60"],
      ],
    },
    code: "parameter_not_negative",
    row: 3,
  },
  {
    title: "an audit whose location-max-age is below its location-min-interval",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", null],
        ["audit", null, null, "location-priority=balanced location-min-interval=60 location-max-age=30"],
      ],
    },
    code: "parameter_max_age_below_interval",
    row: 3,
  },
  {
    title: "a reference-geometry that names no list, file or repeat of the form",
    sheets: {
      survey: [
        ["type", "name", "label", "parameters"],
        ["begin_repeat", "walks", "Walks", null],
        ["geotrace", "walk", "Walk", null],
        ["end_repeat", null, null, null],
        ["geoshape", "field", "Field", "reference-geometry=${walks}"],
        ["geopoint", "here", "Here", "reference-geometry=walk"],
      ],
    },
    code: "reference_geometry_unknown",
    row: 6,
  },
  {
    title: "two xml-external and csv-external rows with one name, in different groups",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["xml-external", "stations", null],
        ["begin_group", "g", "G"],
        ["csv-external", "stations", null],
        ["end_group"],
      ],
    },
    code: "external_instance_duplicate",
    row: 4,
  },
  {
    title: "a select_one_from_file whose file's base name is also a choices list",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_one_from_file towns.csv", "town", "Town"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["towns", "t1", "Town 1"],
      ],
    },
    code: "instance_source_conflict",
    row: 2,
  },
  {
    title: "a trigger on a calculation that is not shown",
    sheets: {
      survey: [
        ["type", "name", "label", "calculation", "trigger"],
        ["decimal", "total", null, "2 * 3", null],
        ["text", "shown", "Shown", null, null],
        ["calculate", "stamp", null, "now()", "${shown}, ${total}"],
      ],
    },
    code: "trigger_not_visible",
    row: 4,
  },
  {
    title: "a background-geopoint without a trigger",
    sheets: {
      survey: [
        ["type", "name", "label", "trigger"],
        ["text", "site", "Site", null],
        ["background-geopoint", "where", null, null],
      ],
    },
    code: "background_geopoint_trigger",
    row: 3,
  },
  {
    title: "a background-geopoint with a calculation",
    sheets: {
      survey: [
        ["type", "name", "label", "trigger", "calculation"],
        ["text", "site", "Site", null, null],
        ["background-geopoint", "where", null, "${site}", "'0 0 0 0'"],
      ],
    },
    code: "background_geopoint_calculation",
    row: 3,
  },
  {
    title: "a question with only a guidance_hint, no label or hint",
    sheets: {
      survey: [
        ["type", "name", "label", "guidance_hint"],
        ["text", "a", "A", null],
        ["integer", "age", null, "In whole years"],
      ],
    },
    code: "missing_label",
    row: 3,
  },
  {
    title: "a big-image without an image",
    sheets: {
      survey: [
        ["type", "name", "label", "media::big-image"],
        ["note", "map", "The map", "map-large.png"],
      ],
    },
    code: "big_image_without_image",
    row: 2,
  },
  {
    title: "a select_one_external with no external_choices sheet",
    sheets: {
      survey: [
        ["type", "name", "label", "choice_filter"],
        ["text", "state", "State", null],
        ["select_one_external city", "city", "City", "state=${state}"],
      ],
    },
    code: "missing_external_choices",
    row: 3,
  },
  {
    title: "a select_one_external whose list is not on the external_choices sheet",
    sheets: {
      survey: [
        ["type", "name", "label", "choice_filter"],
        ["text", "state", "State", null],
        ["select_one_external city", "city", "City", "state=${state}"],
      ],
      external_choices: [
        ["list_name", "name", "state"],
        ["town", "nairobi", "nairobi"],
      ],
    },
    code: "unknown_external_list",
    row: 3,
  },
  {
    title: "a calculate with no calculation",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["calculate", "c", null],
      ],
    },
    code: "missing_calculation",
    row: 2,
  },
  {
    title: "two headers for the same column",
    sheets: {
      survey: [
        ["type", "name", "label", "relevant", "relevance"],
        ["text", "a", "A", "1", "1"],
      ],
    },
    code: "duplicate_column_meaning",
  },
  {
    title: "the same header twice",
    sheets: {
      survey: [
        ["type", "name", "label", "label"],
        ["text", "a", "A", "B"],
      ],
    },
    code: "duplicate_header",
  },
  {
    title: "two questions with one name in the same group",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["begin_group", "g", "G"],
        ["text", "a", "A"],
        ["integer", "a", "B"],
        ["end_group"],
      ],
    },
    code: "duplicate_name",
    row: 4,
  },
  {
    title: "an audit named other than audit",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["audit", "my_audit", null],
      ],
    },
    code: "audit_name",
    row: 2,
  },
  {
    title: "a question named meta",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["text", "meta", "A"],
      ],
    },
    code: "reserved_name",
    row: 2,
  },
  {
    title: "two repeats with one name in different groups",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["begin_group", "g1", "G1"],
        ["begin_repeat", "r", "R"],
        ["text", "a", "A"],
        ["end_repeat"],
        ["end_group"],
        ["begin_group", "g2", "G2"],
        ["begin_repeat", "r", "R"],
        ["text", "b", "B"],
        ["end_repeat"],
        ["end_group"],
      ],
    },
    code: "duplicate_repeat_name",
    row: 8,
  },
  {
    title: "a choice with no name",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_one yn", "a", "A"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", null, "No"],
      ],
    },
    code: "missing_choice_name",
    row: 3,
  },
  {
    title: "two choices with one name in a list",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_one yn", "a", "A"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "yes", "Oui"],
      ],
    },
    code: "duplicate_choice",
    row: 3,
  },
  {
    title: "a select_multiple whose choice name has a space",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_multiple yn", "a", "A"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes please", "Yes"],
      ],
    },
    code: "choice_name_with_space",
    row: 2,
  },
  {
    title: "or_other with a choice_filter",
    sheets: {
      survey: [
        ["type", "name", "label", "choice_filter"],
        ["select_one yn or_other", "a", "A", "1=1"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
      ],
    },
    code: "or_other_with_choice_filter",
    row: 2,
  },
  {
    title: "a reference to a name the survey does not have",
    sheets: {
      survey: [
        ["type", "name", "label", "relevant"],
        ["text", "a", "A"],
        ["text", "b", "B", "${nowhere} = 'x'"],
      ],
    },
    code: "unknown_reference",
    row: 3,
  },
  {
    title: "a reference to a name used in two groups",
    sheets: {
      survey: [
        ["type", "name", "label", "relevant"],
        ["begin_group", "g1", "G1"],
        ["text", "a", "A"],
        ["end_group"],
        ["begin_group", "g2", "G2"],
        ["text", "a", "A"],
        ["end_group"],
        ["text", "b", "B", "${a} = 'x'"],
      ],
    },
    code: "ambiguous_reference",
    row: 8,
  },
  {
    title: "a reference that is not closed",
    sheets: {
      survey: [
        ["type", "name", "label", "calculation"],
        ["integer", "a", "A"],
        ["calculate", "b", "", "${a + 1"],
      ],
    },
    code: "malformed_reference",
    row: 3,
  },
  {
    title: "a choice label naming an unknown question",
    sheets: {
      survey: [
        ["type", "name", "label"],
        ["select_one yn", "a", "A"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes, ${who}"],
      ],
    },
    code: "unknown_reference",
    row: 2,
  },
  {
    title: "a reference to the name or_other generates",
    sheets: {
      survey: [
        ["type", "name", "label", "relevant"],
        ["select_one yn or_other", "a", "A"],
        ["text", "b", "B", "${a_other} != ''"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
      ],
    },
    code: "unknown_reference",
    row: 3,
  },
  {
    title: "no survey sheet",
    sheets: {
      choices: [["list_name", "name", "label"]],
      questions: [
        ["type", "name"],
        ["text", "a"],
      ],
    },
    code: "missing_survey_sheet",
  },
];

describe.skipIf(!!pyxformMissing)("forms pyxform refuses are refused, with sheet, row and reason", () => {
  it("references pyxform accepts are accepted: instanceID, last-saved, a group's name, a note without a name", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "relevant", "calculation"],
        ["begin_group", "g", "G"],
        ["text", "a", "A, ${a}"],
        ["note", null, "Seen"],
        ["end_group"],
        ["calculate", "c", "", "", "concat(${instanceID}, ${last-saved#a}, ${generated_note_name_4})"],
        ["text", "b", "B", "${g} != '' and ${a} != ''"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("a name used in two different groups, and duplicate choices the settings allow, are accepted (as pyxform accepts them)", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label"],
        ["begin_group", "g1", "G1"],
        ["text", "a", "A"],
        ["end_group"],
        ["begin_group", "g2", "G2"],
        ["text", "a", "A"],
        ["select_one yn", "b", "B"],
        ["end_group"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "yes", "Oui"],
      ],
      settings: [["allow_choice_duplicates"], ["yes"]],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("parameter values pyxform accepts are accepted: whole and decimal numbers, yes for incremental, package names, qualities", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "parameters", "appearance"],
        ["text", "a", "A", "rows=+3", null],
        ["image", "pic", "Photo", "max-pixels=1_024 app=org.example.cam_2", "annotate"],
        ["image", "sig", "Sign", "app=anything", "signature"],
        ["audio", "voice", "Voice", "quality=external", null],
        ["geopoint", "here", "Here", "capture-accuracy=2.5 warning-accuracy=.5e1 allow-mock-accuracy=false", null],
        ["geoshape", "field", "Field", "incremental=yes", null],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("reference-geometry naming a choices list, an external file's base name or ${repeat} is accepted", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "parameters"],
        ["begin_repeat", "walks", "Walks", null],
        ["geotrace", "walk", "Walk", null],
        ["end_repeat", null, null, null],
        ["csv-external", "trees", null, null],
        ["select_one plots", "plot", "Plot", null],
        ["geoshape", "field", "Field", "reference-geometry=${walks}"],
        ["geopoint", "here", "Here", "reference-geometry=plots"],
        ["geotrace", "path", "Path", "reference-geometry=trees"],
      ],
      choices: [
        ["list_name", "name", "label", "geometry"],
        ["plots", "p1", "Plot 1", "0 0 0 0; 0 1 0 0; 1 1 0 0; 0 0 0 0"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("one instance id with one source is accepted: csv-external beside a select from the same .csv, xml-external beside the same .xml", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label"],
        ["csv-external", "towns", null],
        ["select_one_from_file towns.csv", "town", "Town"],
        ["xml-external", "rivers", null],
        ["select_multiple_from_file rivers.xml", "river", "Rivers"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("a trigger on a shown question is accepted, also on a calculated question that has a label", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "calculation", "trigger"],
        ["integer", "count", "Count", "1 + 1", null],
        ["text", "note_it", "Note", null, null],
        ["calculate", "stamp", null, "now()", "${count},${note_it}"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("questions without a label are accepted where pyxform writes no label: a hint alone, an image alone, a calculated field, hidden and metadata; a big-image with its image", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "hint", "media::image", "media::big-image", "calculation"],
        ["text", "a", null, "Write it", null, null, null],
        ["note", "pic", null, null, "map.png", "map-large.png", null],
        ["integer", "total", null, null, null, null, "1 + 1"],
        ["hidden", "h", null, null, null, null, null],
        ["start", "began", null, null, null, null, null],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("parameter values are compared lower-cased, as pyxform does: randomize=True, allow-mock-accuracy=TRUE, a seed reference", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "parameters"],
        ["integer", "n", "N", null],
        ["select_one yn", "q", "Q", "randomize=True seed=${n}"],
        ["geopoint", "here", "Here", "allow-mock-accuracy=TRUE"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("an audit's parameters pyxform accepts are accepted: location, track-changes, reasons, identify-user", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "parameters"],
        ["text", "a", "A", null],
        [
          "audit",
          null,
          null,
          "location-priority=High-Accuracy location-min-interval=0 location-max-age=0 track-changes=true track-changes-reasons=on-form-edit identify-user=false",
        ],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  it("a background-geopoint with a trigger and no calculation is accepted", async () => {
    const bytes = await workbook({
      survey: [
        ["type", "name", "label", "trigger"],
        ["text", "site", "Site", null],
        ["background-geopoint", "where", null, "${site}"],
      ],
    });
    const { before, after } = await roundTrip(bytes);
    expectSameXForm(before, after);
  });

  const files: Uint8Array[] = [];
  let conversions: Conversion[] = [];
  beforeAll(async () => {
    for (const { sheets } of REFUSED) files.push(await workbook(sheets));
    conversions = await convertWithPyxform(files);
  }, 300_000);

  REFUSED.forEach(({ title, code, row }, i) => {
    it(title, async () => {
      const read = await readFormFile(files[i]);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.problems[0]).toMatchObject({ code, severity: "error", ...(row ? { row } : {}) });
      expect(describeProblem(read.problems[0])).not.toBe("");
      expect(conversions[i].ok, "pyxform refuses it too").toBe(false);
    });
  });
});
