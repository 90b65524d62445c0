// The one setting for how large an uploaded translation file may be: the import page states it,
// the form and the server action check it, and next.config.ts sizes the server actions' body from
// it (Next's default of 1 MB made any larger file fail before the action could answer). Pure.

/** The largest translation spreadsheet accepted, in bytes (the page says "5 MB"). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The server actions' body limit: twice the file limit, so that a file somewhat over it still
 * reaches the action and is refused with a message in the person's language (the form refuses it
 * before sending too), and the multipart framing around an allowed file always fits.
 */
export const ACTION_BODY_LIMIT_BYTES = 2 * IMPORT_MAX_BYTES;
