// The app's side of the corpus run (bench/xlsform-corpus.ts), over HTTP as a signed-in researcher:
// import a form, download its XLSForm export, and read the public bank's size.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One problem of a refused import, as the route describes it (lib/xlsform/import/types.ts). */
export type Issue = { code: string; sheet?: string; row?: number; column?: string; value?: string; message?: string };

export type ImportAnswer =
  | { kind: "imported"; status: number; ms: number; id: string; xlsform: string; notices: Issue[] }
  | { kind: "refused"; status: number; ms: number; code: string; message: string; errors: Issue[] }
  | { kind: "failed"; status: number; ms: number; message: string };

export async function importForm(
  base: string,
  cookie: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportAnswer> {
  const body = new FormData();
  body.append("file", new Blob([bytes as BlobPart], { type: XLSX }), fileName);
  const t = performance.now();
  let response: Response;
  try {
    response = await fetch(`${base}/api/v1/questionnaires/import`, {
      method: "POST",
      headers: { cookie, origin: base },
      body,
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    return { kind: "failed", status: 0, ms: Math.round(performance.now() - t), message: String(error) };
  }
  const text = await response.text();
  const ms = Math.round(performance.now() - t);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: "failed", status: response.status, ms, message: text.slice(0, 500) };
  }
  if (response.status === 201) {
    const questionnaire = json.questionnaire as { id: string; links: { xlsform: string } };
    return {
      kind: "imported",
      status: 201,
      ms,
      id: questionnaire.id,
      xlsform: questionnaire.links.xlsform,
      notices: (json.notices as Issue[] | undefined) ?? [],
    };
  }
  const message = String(json.message ?? text.slice(0, 500));
  if (response.status >= 500) return { kind: "failed", status: response.status, ms, message };
  const details = json.details as { errors?: Issue[] } | undefined;
  return {
    kind: "refused",
    status: response.status,
    ms,
    code: String(json.code),
    message,
    errors: details?.errors ?? [],
  };
}

export type ExportAnswer = { ok: true; bytes: Uint8Array } | { ok: false; status: number; message: string };

export async function exportForm(base: string, cookie: string, link: string): Promise<ExportAnswer> {
  try {
    const response = await fetch(new URL(link, base), { headers: { cookie }, signal: AbortSignal.timeout(120_000) });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status === 200) return { ok: true, bytes };
    return { ok: false, status: response.status, message: new TextDecoder().decode(bytes).slice(0, 2000) };
  } catch (error) {
    return { ok: false, status: 0, message: String(error) };
  }
}

/** The public bank's size: the list envelope's total of GET /api/v1/questions (anonymous, as anyone sees it). */
export async function bankSize(base: string): Promise<{ total: number; estimated: boolean }> {
  const response = await fetch(`${base}/api/v1/questions?pageSize=1`, { signal: AbortSignal.timeout(60_000) });
  if (response.status !== 200) throw new Error(`GET /api/v1/questions answered ${response.status}`);
  const json = (await response.json()) as { total: number; estimated?: boolean };
  return { total: json.total, estimated: !!json.estimated };
}

/**
 * The same two steps without a server (--offline): the form model's reader and writer, as the
 * import and export use them, minus the database and the export's form_id/version/title. For
 * quick iteration on lib/xlsform/form; the figures for issue #18 come from a run over HTTP.
 */
export async function modelRoundTrip(bytes: Uint8Array): Promise<{ answer: ImportAnswer; exported?: Uint8Array }> {
  const { readFormFile, writeFormFile, describeProblem } = await import("../lib/xlsform/form");
  const t = performance.now();
  try {
    const read = await readFormFile(bytes);
    const ms = Math.round(performance.now() - t);
    if (!read.ok) {
      const errors = read.problems.map((p) => ({ ...p, message: describeProblem(p) }));
      return {
        answer: { kind: "refused", status: 422, ms, code: "importRefused", message: errors[0]?.message ?? "", errors },
      };
    }
    const notices = read.warnings.map((p) => ({ ...p, message: describeProblem(p) }));
    return {
      answer: { kind: "imported", status: 201, ms, id: "", xlsform: "", notices },
      exported: await writeFormFile(read.form),
    };
  } catch (error) {
    return { answer: { kind: "failed", status: 500, ms: Math.round(performance.now() - t), message: String(error) } };
  }
}
