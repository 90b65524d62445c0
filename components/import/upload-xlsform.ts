// The browser side of an import: the chosen file is posted to the same route the API offers
// (POST /api/v1/questionnaires/import), so that the page and the API share one path through the
// upload limit, the Origin check, the parser and the transaction. Server Actions are not used:
// their body limit (1 MB by default) is below the stated 5 MB, and React resets a form after an
// action, which would drop the chosen file that the person wants to fix and send again.

import type { FormSummary } from "@/lib/xlsform/import/types";

/** One problem or notice as the route describes it: where (sheet, row, column) and why, in words. */
export type ImportProblem = {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  location: string | null;
  message: string;
};

export type ImportOutcome =
  | {
      status: "imported";
      id: string;
      title: string;
      form: FormSummary;
      notices: ImportProblem[];
    }
  | { status: "refused"; errors: ImportProblem[]; notices: ImportProblem[] }
  | { status: "failed"; message: string | null };

/** 201: the questionnaire; otherwise the API's error body `{ code, message, details }`. */
type RouteAnswer = {
  message?: string;
  questionnaire?: { id: string; title: string };
  form?: FormSummary;
  notices?: ImportProblem[];
  details?: { errors?: ImportProblem[]; notices?: ImportProblem[] };
};

export async function uploadXlsform(file: File, locale: string): Promise<ImportOutcome> {
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/v1/questionnaires/import", {
      method: "POST",
      body,
      headers: { "Accept-Language": locale },
      credentials: "same-origin",
    });
  } catch {
    return { status: "failed", message: null };
  }
  const answer = (await response.json().catch(() => null)) as RouteAnswer | null;
  if (response.status === 201 && answer?.questionnaire && answer.form) {
    return {
      status: "imported",
      id: answer.questionnaire.id,
      title: answer.questionnaire.title,
      form: answer.form,
      notices: answer.notices ?? [],
    };
  }
  if (response.status === 422 && answer?.details?.errors)
    return { status: "refused", errors: answer.details.errors, notices: answer.details.notices ?? [] };
  // 400, 401, 403, 409, 413, 503: the route's own sentence, already in the person's language.
  return { status: "failed", message: answer?.message ?? null };
}
