// A geo question's `reference-geometry` parameter, refused where pyxform 4.5.0 refuses it
// (question_types/geo.py validate_parameter_reference_geometry, after the whole survey is read):
// it must name a secondary instance (a choices list, an entities list, the base name of a
// select's list or file, a csv-external/xml-external name) or be `${repeat}`. With an entities
// sheet the reader cannot read for sure, nothing is checked, so nothing pyxform accepts is refused.
import { declarations } from "./entities";
import type { FormModel, SurveyNode } from "./model";
import { parseParameters } from "./parameters";
import type { FormProblem } from "./problems";
import { aliasedType, parseType } from "./question-types";
import type { RawSheet } from "./read-tables";
import { XML_NAME } from "./read-survey";

/** Python's os.path.splitext(name)[0]: a leading run of dots is not an extension. */
function withoutExtension(name: string): string {
  const slash = name.lastIndexOf("/");
  const dot = name.lastIndexOf(".");
  if (dot <= slash + 1 || /^\.+$/.test(name.slice(slash + 1, dot))) return name;
  return name.slice(0, dot);
}

function* questions(nodes: SurveyNode[], repeats: Set<string>): Generator<SurveyNode & { kind: "question" }> {
  for (const node of nodes) {
    if (node.kind === "skipped") continue;
    if (node.kind === "question") {
      yield node;
      continue;
    }
    if (node.kind === "repeat") repeats.add(node.name);
    yield* questions(node.children, repeats);
  }
}

export function checkReferenceGeometry(
  form: Pick<FormModel, "survey" | "choiceLists">,
  surveySheet: string,
  entitiesSheet: RawSheet | undefined,
): FormProblem[] {
  const entityLists = declarations(entitiesSheet, []);
  if (entityLists === null) return [];
  const instances = new Set<string>([...form.choiceLists.map((l) => l.name), ...entityLists]);
  const repeats = new Set<string>();
  const references: { row: number; target: string }[] = [];
  for (const node of questions(form.survey, repeats)) {
    const type = aliasedType(node.type);
    const parsed = parseType(node.type);
    if (type === "csv-external" || type === "xml-external") instances.add(withoutExtension(node.name));
    if (parsed.kind === "select" && parsed.select !== "select_one_external")
      instances.add(withoutExtension(parsed.listName));
    if ((type === "geopoint" || type === "geoshape" || type === "geotrace") && node.values.parameters) {
      const target = parseParameters(node.values.parameters)?.get("reference-geometry");
      if (target !== undefined) references.push({ row: node.row, target });
    }
  }
  const problems: FormProblem[] = [];
  for (const { row, target } of references) {
    if (instances.has(target)) continue;
    const ref = /^\$\{(?:last-saved#)?([^}]*)\}$/.exec(target);
    if (ref && XML_NAME.test(ref[1]) && repeats.has(ref[1])) continue;
    problems.push({
      code: "reference_geometry_unknown",
      severity: "error",
      sheet: surveySheet,
      row,
      column: "parameters",
      value: target,
    });
  }
  return problems;
}
