// A generated XLSForm of a chosen size, shaped like large real forms: groups holding repeats,
// four languages of labels and hints, selects (one list of 2,000 choices), skip logic and
// constraints on most rows. Used by the reader's benchmark and the import benchmark.
import ExcelJS from "exceljs";

const LANGUAGES = ["English (en)", "Français (fr)", "Español (es)", "العربية (ar)"];
export async function generatedForm(surveyRows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const survey = book.addWorksheet("survey");
  survey.addRow([
    "type",
    "name",
    ...LANGUAGES.map((l) => `label::${l}`),
    ...LANGUAGES.map((l) => `hint::${l}`),
    "relevant",
    "constraint",
    "appearance",
  ]);
  const label = (text: string) => LANGUAGES.map((l) => `${text} (${l})`);
  let rows = 0;
  let n = 0;
  while (rows < surveyRows - 6) {
    n++;
    survey.addRow([
      "begin_group",
      `section_${n}`,
      ...label(`Section ${n}`),
      ...LANGUAGES.map(() => null),
      null,
      null,
      "field-list",
    ]);
    survey.addRow([
      "begin_repeat",
      `members_${n}`,
      ...label(`Members ${n}`),
      ...LANGUAGES.map(() => null),
      null,
      null,
      null,
    ]);
    rows += 2;
    for (let q = 0; q < 40 && rows < surveyRows - 2; q++, rows++) {
      const name = `q_${n}_${q}`;
      const type =
        q % 4 === 0 ? "select_one yn" : q % 4 === 1 ? "integer" : q % 4 === 2 ? "select_multiple symptom" : "text";
      survey.addRow([
        type,
        name,
        ...label(`Question ${name}`),
        ...label(`Hint ${name}`),
        q > 0 ? `\${q_${n}_0} = 'yes'` : null,
        type === "integer" ? ". >= 0" : null,
        null,
      ]);
    }
    survey.addRow(["end_repeat", ...Array(12).fill(null)]);
    survey.addRow(["end_group", ...Array(12).fill(null)]);
    rows += 2;
  }
  const choices = book.addWorksheet("choices");
  choices.addRow(["list_name", "name", ...LANGUAGES.map((l) => `label::${l}`)]);
  choices.addRow(["yn", "yes", ...label("Yes")]);
  choices.addRow(["yn", "no", ...label("No")]);
  for (let i = 0; i < 1_998; i++) choices.addRow(["symptom", `s${i}`, ...label(`Symptom ${i}`)]);
  const settings = book.addWorksheet("settings");
  settings.addRow(["form_title", "form_id", "version", "default_language"]);
  settings.addRow(["Bench form", "bench_form", "1", "English (en)"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
