// How large an upload of submissions may be: the results page states it, the upload form and the
// server action check it, and next.config.ts sizes the server actions' body from it. Pure.

/** The largest submissions file accepted, in bytes (the page says "20 MB"). */
export const RESULTS_MAX_BYTES = 20 * 1024 * 1024;
export const RESULTS_MAX_MEGABYTES = RESULTS_MAX_BYTES / (1024 * 1024);
/** An .xlsx unpacks to many times its size: Kobo's workbooks of that size stay well under this. */
export const RESULTS_MAX_UNPACKED_BYTES = 12 * RESULTS_MAX_BYTES;
