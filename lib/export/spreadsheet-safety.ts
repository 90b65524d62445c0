// Spreadsheet programs run a cell that starts with "=", "+", "-", "@", a tab or a carriage return
// as a formula ("CSV injection"). Exported text is neutralised by a leading apostrophe, which
// Excel, LibreOffice and Google Sheets show as plain text; nothing else about the text changes.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
