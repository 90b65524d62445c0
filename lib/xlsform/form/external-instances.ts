// Secondary instance ids, refused where pyxform 4.5.0 refuses them when it writes the XForm
// (survey.py _generate_instances): two xml-external/csv-external rows with one name, and one id
// given two sources (an external row, a select_*_from_file file's base name, a choices list).
// pulldata() calls also make instances; they are left to pyxform (no refusal here for them).
import type { FormModel, SurveyNode } from "./model";
import type { FormProblem } from "./problems";
import { aliasedType, parseType } from "./question-types";

const FILE_EXTENSIONS = new Set([".xml", ".csv", ".geojson"]);

/** Python's os.path.splitext: [root, extension]; a leading run of dots is not an extension. */
function splitext(name: string): [string, string] {
  const slash = name.lastIndexOf("/");
  const dot = name.lastIndexOf(".");
  if (dot <= slash + 1 || /^\.+$/.test(name.slice(slash + 1, dot))) return [name, ""];
  return [name.slice(0, dot), name.slice(dot)];
}

type Instance = { id: string; src: string | null; row: number; external: boolean };

function* surveyInstances(nodes: SurveyNode[], searched: Set<string>): Generator<Instance> {
  for (const node of nodes) {
    if (node.kind === "skipped") continue;
    if (node.kind !== "question") {
      yield* surveyInstances(node.children, searched);
      continue;
    }
    const type = aliasedType(node.type);
    if (type === "csv-external")
      yield { id: node.name, src: `jr://file-csv/${node.name}.csv`, row: node.row, external: true };
    if (type === "xml-external")
      yield { id: node.name, src: `jr://file/${node.name}.xml`, row: node.row, external: true };
    const parsed = parseType(node.type);
    if (parsed.kind !== "select") continue;
    if ((node.values.appearance ?? "").includes("search(")) searched.add(parsed.listName);
    const [id, ext] = splitext(parsed.listName);
    if (
      (parsed.select === "select_one_from_file" || parsed.select === "select_multiple_from_file") &&
      FILE_EXTENSIONS.has(ext)
    ) {
      const prefix = ext === ".csv" ? "file-csv" : "file";
      yield { id, src: `jr://${prefix}/${parsed.listName}`, row: node.row, external: false };
    }
  }
}

export function checkExternalInstances(
  form: Pick<FormModel, "survey" | "choiceLists">,
  surveySheet: string,
): FormProblem[] {
  const searched = new Set<string>();
  const instances = [...surveyInstances(form.survey, searched)];
  const at = (row: number, column: string, value: string) => ({
    severity: "error" as const,
    sheet: surveySheet,
    row,
    column,
    value,
  });
  const externalNames = new Set<string>();
  for (const i of instances.filter((x) => x.external)) {
    if (externalNames.has(i.id)) return [{ code: "external_instance_duplicate", ...at(i.row, "name", i.id) }];
    externalNames.add(i.id);
  }
  // pyxform adds the choices lists' instances last (a list used by search() makes none).
  const lists = form.choiceLists.filter((l) => l.name && !searched.has(l.name));
  const seen = new Map<string, Instance>();
  for (const i of [...instances, ...lists.map((l) => ({ id: l.name, src: null, row: 0, external: false }))]) {
    const prior = seen.get(i.id);
    if (!prior) seen.set(i.id, i);
    else if (prior.src !== i.src)
      return [{ code: "instance_source_conflict", ...at(i.row || prior.row, "type", i.id) }];
  }
  return [];
}
