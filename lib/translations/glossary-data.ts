// Reads of the glossary (termbase): the page's list, the entries the checks use, and who may do
// what with it. The consistency report is in glossary-report-data.ts.
import "server-only";
import { getDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import type { Language } from "../i18n/languages";
import type { GlossaryEntry, GlossaryFilter } from "./glossary-schema";

type Reader = Pick<Prisma.TransactionClient, "glossaryTerm">;

export const ENTRY_SELECT = {
  term: true,
  approved: true,
  forms: true,
  forbidden: true,
  except: true,
  note: true,
} as const;

/** The language's terms as the checks and the editor's highlights need them. */
export async function findGlossaryEntries(db: Reader, lang: Language): Promise<GlossaryEntry[]> {
  return db.glossaryTerm.findMany({ where: { lang }, orderBy: { term: "asc" }, select: ENTRY_SELECT });
}

export async function findGlossaryForEditor(lang: Language): Promise<GlossaryEntry[]> {
  return findGlossaryEntries(await getDb(), lang);
}

export type GlossaryRow = GlossaryEntry & {
  id: string;
  lang: string;
  domain: string;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
};

const ROW_SELECT = {
  ...ENTRY_SELECT,
  id: true,
  lang: true,
  domain: true,
  revision: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

export function toGlossaryRow(row: { updatedBy: { name: string } | null; [key: string]: unknown }): GlossaryRow {
  const { updatedBy, ...rest } = row;
  return { ...(rest as Omit<GlossaryRow, "updatedBy">), updatedBy: updatedBy?.name ?? null };
}

/** The language's glossary, filtered by a word of the term or its translations and by domain. */
export async function listGlossary(lang: Language, filter: GlossaryFilter = {}): Promise<GlossaryRow[]> {
  const db = await getDb();
  const q = filter.q?.trim();
  const rows = await db.glossaryTerm.findMany({
    where: {
      lang,
      ...(filter.domain ? { domain: filter.domain } : {}),
      ...(q
        ? {
            OR: [
              { term: { contains: q, mode: "insensitive" as const } },
              { approved: { contains: q, mode: "insensitive" as const } },
              { forbidden: { has: q } },
            ],
          }
        : {}),
    },
    orderBy: { term: "asc" },
    select: ROW_SELECT,
  });
  return rows.map(toGlossaryRow);
}

export async function findGlossaryDomains(lang: Language): Promise<string[]> {
  const db = await getDb();
  const rows = await db.glossaryTerm.findMany({
    where: { lang },
    distinct: ["domain"],
    select: { domain: true },
    orderBy: { domain: "asc" },
  });
  return rows.map((r) => r.domain);
}

/** Translators and reviewers of the language read the glossary; its reviewers, curators and administrators keep it. */
export function glossaryRights(actor: Actor, lang: Language): { read: boolean; edit: boolean } {
  return { read: can(actor, "glossary.read", { lang }), edit: can(actor, "glossary.edit", { lang }) };
}
