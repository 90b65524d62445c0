// XLSForm naming rules (pyxform): a name starts with a letter or underscore and continues with
// letters, digits, `_`, `-` or `.`. The bank is stricter for its own codes: lower-case snake case,
// so that codes read the same in every tool downstream.
import { z } from "zod";

export const XLSFORM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
export const BANK_CODE = /^[a-z][a-z0-9_]*$/;
export const MAX_CODE_LENGTH = 32;
/** The form's own element name in XLSForm (pyxform's default instance root): no question may share it. */
export const FORM_ROOT_NAME = "data";
/** Names pyxform reserves for itself. */
export const RESERVED_NAMES = new Set(["meta", "instanceID", "instanceName"]);

export const bankCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .regex(BANK_CODE, "Use lower-case letters, digits and underscores, starting with a letter")
  .refine((v) => !RESERVED_NAMES.has(v), "This name is reserved by XLSForm");

/** Any name XLSForm accepts (item names imported from other tools need not follow the bank's style). */
export const xlsformNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(XLSFORM_NAME, "Start with a letter or underscore; then letters, digits, _, - or .")
  .refine((v) => !RESERVED_NAMES.has(v), "This name is reserved by XLSForm");

export function isValidXlsformName(name: string): boolean {
  return XLSFORM_NAME.test(name) && !RESERVED_NAMES.has(name);
}
