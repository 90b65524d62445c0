// Importing a glossary file (TBX or CSV) into a language's termbase, the way the translation
// spreadsheet is imported: a preview that writes nothing and names every refused row, then the
// same file applied only if its preview is still what the person confirmed (a digest), every write
// claiming the revision the preview read and audited as glossary.import. Terms absent from the
// file are kept: an import adds and updates, it never deletes.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "../db/client";
import { can, type Actor } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import { XmlError } from "../text/xml";
import { GlossaryError } from "./glossary-errors";
import { writeTerm } from "./glossary-mutations";
import { glossaryTermFieldsSchema, type GlossaryTermFields } from "./glossary-schema";
import { readGlossaryCsv } from "./glossary-csv";
import { readTbx, type ReadTerm } from "./glossary-tbx";
import { IMPORT_MAX_BYTES } from "./upload-limit";

export const GLOSSARY_IMPORT_MAX_TERMS = 5000;
export type GlossaryImportKind = "create" | "update" | "unchanged" | "invalid";
export type GlossaryRowProblem = { field: string; code: string };
export type GlossaryPreviewRow = {
  row: number;
  term: string;
  approved: string;
  kind: GlossaryImportKind;
  problems: GlossaryRowProblem[];
};
export type GlossaryPreview = {
  format: "tbx" | "csv";
  rows: GlossaryPreviewRow[];
  counts: Record<GlossaryImportKind, number>;
  digest: string;
};

function readFile(bytes: Uint8Array, lang: Language): { format: "tbx" | "csv"; terms: ReadTerm[] } {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    throw new GlossaryError("fileTooLarge", { reason: String(IMPORT_MAX_BYTES) });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new GlossaryError("badFile", { reason: "encoding" });
  }
  const format = /^\uFEFF?\s*</.test(text) ? "tbx" : "csv";
  try {
    const read = format === "tbx" ? readTbx(text, lang) : readGlossaryCsv(text);
    if (("rootOk" in read && !read.rootOk) || ("headerOk" in read && !read.headerOk))
      throw new GlossaryError("badFile", { reason: format === "tbx" ? "notTbx" : "csvHeader" });
    if (!read.terms.length) throw new GlossaryError("badFile", { reason: "empty" });
    if (read.terms.length > GLOSSARY_IMPORT_MAX_TERMS) throw new GlossaryError("badFile", { reason: "tooManyRows" });
    return { format, terms: read.terms };
  } catch (error) {
    if (error instanceof XmlError) throw new GlossaryError("badFile", { reason: error.message });
    if (error instanceof GlossaryError) throw error;
    // csv-parse's refusals (an unclosed quote) name the line; anything else is a bug.
    if ((error as { code?: string })?.code?.startsWith?.("CSV_"))
      throw new GlossaryError("badFile", { reason: (error as Error).message.slice(0, 200) });
    throw error;
  }
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameTerm = (a: GlossaryTermFields, b: GlossaryTermFields) =>
  a.approved === b.approved &&
  a.note === b.note &&
  a.domain === b.domain &&
  sameList(a.forms, b.forms) &&
  sameList(a.forbidden, b.forbidden) &&
  sameList(a.except, b.except);

type Planned = GlossaryPreviewRow & { fields?: GlossaryTermFields; id?: string; revision?: number };

async function plan(lang: Language, bytes: Uint8Array): Promise<{ format: "tbx" | "csv"; rows: Planned[] }> {
  const { format, terms } = readFile(bytes, lang);
  const db = await getDb();
  const existing = new Map(
    (await db.glossaryTerm.findMany({ where: { lang } })).map((t) => [t.term.toLowerCase(), t] as const),
  );
  const seen = new Set<string>();
  const rows = terms.map((read): Planned => {
    const base = { row: read.row, term: read.fields.term ?? "", approved: read.fields.approved ?? "" };
    if (read.problem) return { ...base, kind: "invalid", problems: [{ field: "_", code: read.problem }] };
    const parsed = glossaryTermFieldsSchema.safeParse(read.fields);
    if (!parsed.success)
      return {
        ...base,
        kind: "invalid",
        problems: parsed.error.issues.map((i) => ({
          field: String(i.path[0] ?? "_"),
          code: i.code === "too_big" ? "tooLong" : i.code === "too_small" ? "required" : "invalid",
        })),
      };
    const fields = parsed.data;
    const key = fields.term.toLowerCase();
    if (seen.has(key)) return { ...base, kind: "invalid", problems: [{ field: "term", code: "duplicateInFile" }] };
    seen.add(key);
    const current = existing.get(key);
    const shown = { ...base, term: fields.term, approved: fields.approved, problems: [] };
    if (!current) return { ...shown, kind: "create", fields };
    // The stored spelling of the term is kept (the unique key); the file's casing does not rename it.
    const next = { ...fields, term: current.term };
    if (sameTerm(next, current)) return { ...shown, kind: "unchanged" };
    return { ...shown, kind: "update", fields: next, id: current.id, revision: current.revision };
  });
  return { format, rows };
}

function summarise(format: "tbx" | "csv", lang: Language, rows: Planned[]): GlossaryPreview {
  const counts: Record<GlossaryImportKind, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) counts[r.kind]++;
  const changes = rows.filter((r) => r.fields).map((r) => [r.kind, r.id ?? null, r.revision ?? null, r.fields]);
  const digest = createHash("sha256")
    .update(JSON.stringify([lang, changes]))
    .digest("hex");
  return {
    format,
    rows: rows.map(({ row, term, approved, kind, problems }) => ({ row, term, approved, kind, problems })),
    counts,
    digest,
  };
}

function requireEditor(actor: Actor, lang: Language): asserts actor is NonNullable<Actor> {
  if (!actor) throw new GlossaryError("unauthenticated");
  if (!can(actor, "glossary.edit", { lang })) throw new GlossaryError("forbidden");
}

/** What the file would change; nothing is written. */
export async function previewGlossaryImport(
  actor: Actor,
  { lang, bytes }: { lang: Language; bytes: Uint8Array },
): Promise<GlossaryPreview> {
  requireEditor(actor, lang);
  const { format, rows } = await plan(lang, bytes);
  return summarise(format, lang, rows);
}

/** Applies the file if its preview is still the one confirmed; all its writes or none. */
export async function applyGlossaryImport(
  actor: Actor,
  { lang, bytes, digest }: { lang: Language; bytes: Uint8Array; digest: string },
): Promise<{ created: number; updated: number }> {
  requireEditor(actor, lang);
  const { format, rows } = await plan(lang, bytes);
  if (summarise(format, lang, rows).digest !== digest) throw new GlossaryError("previewChanged");
  const db = await getDb();
  try {
    return await db.$transaction(
      async (tx) => {
        const counts = { created: 0, updated: 0 };
        for (const r of rows) {
          if (!r.fields) continue;
          await writeTerm(tx, actor, { lang, fields: r.fields, id: r.id, revision: r.revision, action: "import" });
          counts[r.kind === "create" ? "created" : "updated"]++;
        }
        return counts;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    // A term added or changed by someone else since the preview: the person previews again.
    if (error instanceof GlossaryError && (error.code === "conflict" || error.code === "duplicateTerm"))
      throw new GlossaryError("previewChanged");
    if (/Unique constraint|23505/.test(String((error as Error)?.message))) throw new GlossaryError("previewChanged");
    throw error;
  }
}
