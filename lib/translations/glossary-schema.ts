// The glossary (termbase) of each target language: what a term is, as forms, server actions, the
// TBX/CSV import and the seed file (prisma/seed/glossary.json) all validate it. Pure.
import { z } from "zod";
import { targetLanguageSchema } from "./schema";

export const TERM_MAX = 200;
export const APPROVED_MAX = 500;
export const NOTE_MAX = 2000;
export const LIST_MAX = 30;
/** Subject fields offered in the form (any short word is accepted: a TBX file may bring its own). */
export const SUGGESTED_DOMAINS = ["general", "health", "vaccination", "WASH"] as const;

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1));

/** A list typed one per line in a form, or sent as an array: blanks and repeats dropped. */
const variants = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/) : (v ?? [])),
    z.array(z.string().max(TERM_MAX)).max(LIST_MAX * 4),
  )
  .transform((list) => [...new Set(list.map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean))])
  .pipe(z.array(z.string()).max(LIST_MAX));

export const glossaryDomainSchema = z
  .string()
  .max(40)
  .transform((v) => v.trim() || "general")
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} _&/-]*$/u));

/** One term's content, whatever it comes from (form, import, seed). */
export const glossaryTermFieldsSchema = z.object({
  term: oneLine(TERM_MAX),
  approved: oneLine(APPROVED_MAX),
  forms: variants.default([]),
  forbidden: variants.default([]),
  except: variants.default([]),
  note: z
    .string()
    .max(NOTE_MAX)
    .transform((v) => v.trim())
    .default(""),
  domain: glossaryDomainSchema.default("general"),
});
export type GlossaryTermFields = z.output<typeof glossaryTermFieldsSchema>;

export const createGlossaryTermSchema = glossaryTermFieldsSchema.extend({ lang: targetLanguageSchema });
const id = z.string().trim().min(1).max(100);
const revision = z.coerce.number().int().min(0).max(2_147_483_647);
export const updateGlossaryTermSchema = createGlossaryTermSchema.extend({ id, revision });
export const deleteGlossaryTermSchema = z.object({ id, lang: targetLanguageSchema, revision });

/** The page's query string; anything malformed is dropped rather than failing the page. */
export const glossaryFilterSchema = z.object({
  q: z.string().trim().max(TERM_MAX).optional().catch(undefined),
  domain: glossaryDomainSchema.optional().catch(undefined),
});
export type GlossaryFilter = z.output<typeof glossaryFilterSchema>;

/** A term as the editor's checks and highlights need it (sent to the browser). */
export type GlossaryEntry = {
  term: string;
  approved: string;
  forms: string[];
  forbidden: string[];
  except: string[];
  note: string;
};

/** prisma/seed/glossary.json: one entry per English term with each language's translation. */
const perLanguage = z.object({ es: z.string().min(1), fr: z.string().min(1), ar: z.string().min(1) });
const listsPerLanguage = z
  .object({ es: z.array(z.string()), fr: z.array(z.string()), ar: z.array(z.string()) })
  .partial();
export const glossaryFileSchema = z.object({
  description: z.string(),
  terms: z
    .array(
      z.object({
        term: z.string().min(1),
        domain: z.string().min(1).default("general"),
        approved: perLanguage,
        forms: listsPerLanguage.optional(),
        except: z.array(z.string()).optional(),
        forbidden: listsPerLanguage,
        note: z.string().optional(),
      }),
    )
    .min(5),
});
export type GlossaryFile = z.output<typeof glossaryFileSchema>;
