// What an audit row says, and the filters of the audit page.
import { z } from "zod";

export const AUDIT_ENTITY_TYPES = [
  "user",
  "question",
  "translation",
  "choiceList",
  "source",
  "tag",
  "framework",
  "questionnaire",
  "template",
  "resultsDataset",
  "glossaryTerm",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const auditEntrySchema = z.object({
  actorId: z.string().min(1).max(100).nullable(),
  /** verb-noun, e.g. user.create, question.publish, translation.submit */
  action: z
    .string()
    .regex(/^[a-zA-Z]+\.[a-zA-Z_]+$/)
    .max(60),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string().min(1).max(200),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.input<typeof auditEntrySchema>;

export const AUDIT_PAGE_SIZE = 25;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .trim()
  .max(10)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date().optional());

/** The audit page's query string; anything malformed is dropped rather than failing the page. */
export const auditFilterSchema = z.object({
  actor: optionalText(100),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional().catch(undefined),
  entity: optionalText(200),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
