"use server";
// Thin server actions of the glossary page: who is asking, the write (glossary-mutations.ts, one
// transaction with its audit record) and an answer the page shows; refusals are worded by
// translate.failures.*, a conflict carries the term as saved now.
import { revalidatePath } from "next/cache";
import type { ZodType } from "zod";
import { getCurrentUser } from "../auth/session";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import type { Language } from "../i18n/languages";
import type { GlossaryRow } from "./glossary-data";
import { GlossaryError, isGlossaryError } from "./glossary-errors";
import { createGlossaryTerm, deleteGlossaryTerm, updateGlossaryTerm } from "./glossary-mutations";
import { applyGlossaryImport, previewGlossaryImport, type GlossaryPreview } from "./glossary-import-mutations";
import { targetLanguageSchema } from "./schema";
import { createGlossaryTermSchema, deleteGlossaryTermSchema, updateGlossaryTermSchema } from "./glossary-schema";
import { IMPORT_MAX_BYTES } from "./upload-limit";

export type GlossaryDetails = { current?: GlossaryRow | null; reason?: string };
export type GlossaryActionResult<T = undefined> = ActionResult<T, GlossaryDetails>;

const runGlossary = actionRunner<GlossaryDetails>({
  namespace: "translate",
  known(error) {
    if (!isGlossaryError(error)) return null;
    const { current, reason } = error.details ?? {};
    const details: GlossaryDetails = {
      ...(current !== undefined ? { current } : {}),
      ...(reason ? { reason } : {}),
    };
    return { code: error.code, details: Object.keys(details).length ? details : undefined };
  },
});

/** `schema` parses the input first, so that a refused field comes back worded in the person's language. */
async function run<T>(
  input: unknown,
  fn: (actor: Awaited<ReturnType<typeof getCurrentUser>>) => Promise<T>,
  options: { form?: true; schema?: ZodType } = {},
): Promise<GlossaryActionResult<T>> {
  const { schema = null, ...rest } = options;
  const result = await runGlossary(schema, input, async () => fn(await getCurrentUser()), rest);
  if (result.ok) revalidatePath("/[locale]/translate", "layout");
  return result;
}

export type TermInput = {
  lang: string;
  term: string;
  approved: string;
  forms: string;
  forbidden: string;
  except: string;
  note: string;
  domain: string;
  id?: string;
  revision?: number;
};

export async function saveGlossaryTermAction(input: TermInput): Promise<GlossaryActionResult<GlossaryRow>> {
  const update = Boolean(input && typeof input === "object" && input.id);
  return run(input, (actor) => (update ? updateGlossaryTerm(actor, input) : createGlossaryTerm(actor, input)), {
    schema: update ? updateGlossaryTermSchema : createGlossaryTermSchema,
  });
}

export async function deleteGlossaryTermAction(input: {
  id: string;
  lang: string;
  revision: number;
}): Promise<GlossaryActionResult> {
  return run(
    input,
    async (actor) => {
      await deleteGlossaryTerm(actor, input);
      return undefined;
    },
    { schema: deleteGlossaryTermSchema },
  );
}

async function fileFrom(form: FormData): Promise<{ lang: Language; bytes: Uint8Array }> {
  const lang = targetLanguageSchema.safeParse(form.get("lang"));
  const file = form.get("file");
  if (!lang.success || !(file instanceof File) || file.size === 0)
    throw new GlossaryError("badFile", { reason: "noFile" });
  // Checked before the bytes are read into memory, and again by the reader.
  if (file.size > IMPORT_MAX_BYTES) throw new GlossaryError("fileTooLarge", { reason: String(IMPORT_MAX_BYTES) });
  return { lang: lang.data as Language, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Reads an uploaded TBX or CSV file and says what it would change; nothing is written. */
export async function previewGlossaryImportAction(form: FormData): Promise<GlossaryActionResult<GlossaryPreview>> {
  return run(
    form,
    async (actor) => {
      const { lang, bytes } = await fileFrom(form);
      return previewGlossaryImport(actor, { lang, bytes });
    },
    { form: true },
  );
}

/** Applies the previewed file (the same bytes, and the preview's digest the person confirmed). */
export async function applyGlossaryImportAction(
  form: FormData,
): Promise<GlossaryActionResult<{ created: number; updated: number }>> {
  return run(
    form,
    async (actor) => {
      const { lang, bytes } = await fileFrom(form);
      const digest = String(form.get("digest") ?? "").slice(0, 64);
      return applyGlossaryImport(actor, { lang, bytes, digest });
    },
    { form: true },
  );
}
