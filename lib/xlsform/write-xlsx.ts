// XLSForm tables → .xlsx bytes. Every cell is written as a string and every column is formatted as
// text ("@"), so that a label starting with "=" stays a label in Excel and never becomes a formula.
import ExcelJS from "exceljs";
import type { XlsformWorkbook } from "./workbook";

export async function writeXlsx(workbook: XlsformWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Question Bank";
  for (const sheet of workbook.sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.columns = sheet.headers.map((header) => ({
      header,
      key: header,
      width: Math.min(60, Math.max(12, header.length + 2)),
      style: { numFmt: "@" },
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of sheet.rows) {
      const written = ws.getRow(row.row);
      sheet.headers.forEach((header, i) => {
        const value = row.cells[header] ?? "";
        const target = written.getCell(i + 1);
        // A plain string: exceljs stores it as a shared string, never as a formula.
        if (value !== "") target.value = String(value);
        target.numFmt = "@";
      });
      written.commit();
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
