// How big an uploaded XLSForm may be, stated to people and enforced before parsing. What it may
// unpack to is the one guard's (lib/spreadsheet/guard.ts); the form reader streams its sheets under
// its own limits (form/read-tables.ts and its parts: xlsx-parts.ts, row-stream.ts, sheet-cells.ts).
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5_000;
export const MAX_COLUMNS = 200;
