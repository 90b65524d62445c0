// A check's problem in words for a refusal's message on the server, "Label: the reference ${name}
// from the source is missing", worded as the editor words its lists (TranslationEditor.tsx).
type T = (key: string, values?: Record<string, string>) => string;

export function describeProblem(p: { field: string; code: string; detail?: string }, t: T): string {
  const field = p.field.startsWith("choice:")
    ? t("translate.fields.choice", { name: p.field.slice(7) })
    : t(`translate.fields.${p.field}`);
  return `${field}: ${t(`translate.checks.${p.code}`, { detail: p.detail ?? "" })}`;
}

export function describeProblems(problems: { field: string; code: string; detail?: string }[], t: T): string {
  return problems.map((p) => describeProblem(p, t)).join("; ");
}
