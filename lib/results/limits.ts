// How large an upload of submissions may be: the results page states it, the upload form checks it
// before sending, and the upload route counts the body's bytes against it as they arrive. Pure.

/** The limit as the page states it, in megabytes: a file must be smaller than this. */
export const RESULTS_MAX_MEGABYTES = 100;
/** The largest submissions file accepted, in bytes (a 100 MB file is refused: the limit is exclusive). */
export const RESULTS_MAX_BYTES = RESULTS_MAX_MEGABYTES * 1024 * 1024 - 1;
/**
 * An .xlsx is read whole by exceljs (its zip directory is at its end, and the workbook model holds
 * every cell), so it keeps the smaller limit it always had; KoboToolbox's CSV export, read as a
 * stream, is the one for large datasets.
 */
export const RESULTS_MAX_XLSX_MEGABYTES = 20;
export const RESULTS_MAX_XLSX_BYTES = RESULTS_MAX_XLSX_MEGABYTES * 1024 * 1024;
/** An .xlsx unpacks to many times its size: Kobo's workbooks of that size stay well under this. */
export const RESULTS_MAX_UNPACKED_BYTES = 12 * RESULTS_MAX_XLSX_BYTES;
