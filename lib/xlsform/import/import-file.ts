// An uploaded file → the form model it holds, or every reason it cannot be held: the lossless
// reader (lib/xlsform/form) with its zip and XML guards. Nothing here touches the database.
import { readFormFile, type FormModel, type FormProblem } from "../form";
import type { ImportIssue } from "./types";

export type ImportFileResult =
  { ok: true; form: FormModel; notices: ImportIssue[] } | { ok: false; errors: ImportIssue[]; notices: ImportIssue[] };

const issueOf = ({ severity, ...problem }: FormProblem): ImportIssue => ({
  severity: severity === "error" ? "error" : "notice",
  ...problem,
});

export async function importXlsformFile(bytes: Uint8Array): Promise<ImportFileResult> {
  const read = await readFormFile(bytes);
  const notices = read.warnings.map(issueOf);
  if (!read.ok) return { ok: false, errors: read.problems.map(issueOf), notices };
  return { ok: true, form: read.form, notices };
}
