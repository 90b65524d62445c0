// The codebook as a workbook (exceljs): a sheet about the form, then variables, value labels and
// indicators. Headings and sentences are in the reader's interface language (right to left in
// Arabic); the questionnaire's texts get one column per form language, headed as the XLSForm
// heads them (`label::English (en)`), so a column reads the same here as in the form. Every cell
// is a plain string in a text-formatted column: a label starting with "=" stays a label.
import ExcelJS from "exceljs";
import { pickText, RTL_LANGUAGES } from "../i18n/languages";
import type { Codebook } from "./model";
import { CodebookWords } from "./words";

type Column = { header: string; width: number; value: (index: number) => string };

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: number, rtl: boolean) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1, rightToLeft: rtl }],
  });
  // Text format and wrapping set once per column: cells take the column's style (one style object
  // per column rather than per cell, which is what makes exceljs slow on large sheets).
  const style = { numFmt: "@", alignment: { vertical: "top", wrapText: true } } as const;
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style }));
  sheet.getRow(1).font = { bold: true };
  for (let i = 0; i < rows; i++) {
    // Plain strings: exceljs writes them as shared strings, never as formulas.
    sheet.addRow(columns.map((c) => c.value(i) || null));
  }
}

export async function writeCodebookXlsx(codebook: Codebook, words: CodebookWords): Promise<Uint8Array> {
  const { t, locale } = words.reader;
  const rtl = RTL_LANGUAGES.has(locale);
  const column = (key: string) => t(`codebook.columns.${key}`);
  const book = new ExcelJS.Workbook();
  book.creator = "Question Bank";
  const languages = codebook.languages.map((l) => l.name);
  const { variables, choiceLists, indicators } = codebook;
  const withHints = variables.some((v) => Object.keys(v.hints).length > 0);

  const about: [string, string][] = [
    [column("questionnaire"), pickText(codebook.questionnaire.title, locale)?.text ?? codebook.questionnaire.formId],
    ["form_id", codebook.questionnaire.formId],
    ["version", codebook.questionnaire.version],
    [column("languages"), codebook.languages.map((l) => l.name).join(", ")],
    [column("variables"), String(variables.length)],
    [column("indicators"), String(indicators.length)],
    [column("howToRead"), t("codebook.xlsxHowToRead")],
  ];
  addSheet(
    book,
    t("codebook.sheets.about"),
    [
      { header: column("item"), width: 24, value: (i) => about[i][0] },
      { header: column("value"), width: 90, value: (i) => about[i][1] },
    ],
    about.length,
    rtl,
  );

  const v = (i: number) => variables[i];
  addSheet(
    book,
    t("codebook.sheets.variables"),
    [
      { header: column("variable"), width: 28, value: (i) => v(i).name },
      { header: column("dataColumn"), width: 36, value: (i) => v(i).column },
      { header: column("groups"), width: 24, value: (i) => v(i).groups.join("/") },
      { header: column("type"), width: 24, value: (i) => v(i).type },
      { header: column("list"), width: 18, value: (i) => v(i).listName ?? "" },
      ...languages.map((name) => ({
        header: `label::${name}`,
        width: 40,
        value: (i: number) => v(i).labels[name] ?? "",
      })),
      ...(withHints
        ? languages.map((name) => ({
            header: `hint::${name}`,
            width: 30,
            value: (i: number) => v(i).hints[name] ?? "",
          }))
        : []),
      { header: column("required"), width: 12, value: (i) => v(i).required ?? "" },
      { header: column("relevant"), width: 36, value: (i) => v(i).relevant ?? "" },
      { header: column("askedIf"), width: 48, value: (i) => words.condition(v(i)) ?? "" },
      { header: column("calculation"), width: 30, value: (i) => v(i).calculation ?? "" },
      { header: column("constraint"), width: 24, value: (i) => v(i).constraint ?? "" },
      { header: column("repeat"), width: 18, value: (i) => v(i).repeat ?? "" },
      {
        header: column("bankQuestion"),
        width: 26,
        value: (i) => {
          const bank = v(i).bank;
          return bank ? t("codebook.bankVersion", { code: bank.code, version: bank.version }) : "";
        },
      },
      {
        header: column("indicators"),
        width: 40,
        value: (i) =>
          v(i)
            .indicators.map((u) => `${u.indicator} (${words.role(u.role)})`)
            .join("; "),
      },
    ],
    variables.length,
    rtl,
  );

  const choices = choiceLists.flatMap((list) => list.choices.map((choice) => ({ list, choice })));
  addSheet(
    book,
    t("codebook.sheets.valueLabels"),
    [
      { header: column("list"), width: 20, value: (i) => choices[i].list.name },
      { header: column("value"), width: 20, value: (i) => choices[i].choice.name },
      ...languages.map((name) => ({
        header: `label::${name}`,
        width: 36,
        value: (i: number) => choices[i].choice.labels[name] ?? "",
      })),
      { header: column("usedBy"), width: 40, value: (i) => choices[i].list.usedBy.join(", ") },
    ],
    choices.length,
    rtl,
  );

  const ind = (i: number) => indicators[i];
  const yesNo = (value: boolean) => t(value ? "codebook.yes" : "codebook.no");
  addSheet(
    book,
    t("codebook.sheets.indicators"),
    [
      { header: column("indicator"), width: 12, value: (i) => ind(i).code },
      { header: column("indicatorName"), width: 36, value: (i) => pickText(ind(i).name, locale)?.text ?? "" },
      { header: column("variable"), width: 28, value: (i) => ind(i).variable ?? "" },
      { header: column("universeVariable"), width: 28, value: (i) => ind(i).universeVariable ?? "" },
      { header: column("linkedVariables"), width: 28, value: (i) => ind(i).linkedVariables.join(", ") },
      { header: column("numerator"), width: 28, value: (i) => ind(i).computation?.numerator.join(" ") ?? "" },
      { header: column("how"), width: 70, value: (i) => words.how(ind(i)).join(" ") },
      { header: column("computable"), width: 14, value: (i) => yesNo(ind(i).computable) },
      {
        header: column("notes"),
        width: 50,
        value: (i) =>
          ind(i)
            .notes.map((n) => words.note(n))
            .join(" "),
      },
      {
        header: column("definitionJson"),
        width: 60,
        value: (i) => (ind(i).computation ? JSON.stringify(ind(i).computation) : ""),
      },
    ],
    indicators.length,
    rtl,
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}
