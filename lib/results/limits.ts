// How large an upload of submissions may be: the results page states it, the upload form checks it
// before sending, and the upload route counts the body's bytes against it as they arrive. Pure.

/** The limit as the page states it, in megabytes: a file must be smaller than this. */
export const RESULTS_MAX_MEGABYTES = 100;
/** The largest submissions file accepted, in bytes (a 100 MB file is refused: the limit is exclusive). */
export const RESULTS_MAX_BYTES = RESULTS_MAX_MEGABYTES * 1024 * 1024 - 1;
/**
 * An .xlsx has the same limit: it is spooled to a temporary file as it arrives and its first sheet
 * streamed from there row by row (read-xlsx.ts), so its size costs time, not memory. It unpacks to
 * many times its size (sheet XML compresses about tenfold): the zip guard allows this much in all.
 */
export const RESULTS_MAX_UNPACKED_BYTES = 12 * RESULTS_MAX_BYTES;
/**
 * The parts read whole (workbook, relationships, styles, shared strings): the shared strings of a
 * 100 MB export of long free-text answers stay under this; the sheets themselves are streamed.
 */
export const RESULTS_MAX_WHOLE_PART_BYTES = 256 * 1024 * 1024;
