// The bank search of the builder's "Add questions" panel: the search page's own search
// (lib/search), for a person who may edit this questionnaire, with each result marked when the
// questionnaire already asks it. Published questions only, as on the search page.
import "server-only";
import { getDb } from "../db/client";
import { can, type Person } from "../auth/permissions";
import type { LocalizedText } from "../i18n/languages";
import { findQuestionnaireAccess } from "../questionnaires/data";
import { searchQuestions } from "../search/data";
import { searchParamsSchema } from "../search/schema";
import { BuilderError } from "./errors";
import { BANK_SEARCH_PAGE_SIZE, CHOICES_PREVIEWED, bankSearchSchema, type BankSearchPage } from "./bank-search-schema";

/** One page of bank questions matching the panel's search; refused as the builder's writes are. */
export async function findBankSearchPage({
  actor,
  input,
}: {
  actor: Person | null;
  input: unknown;
}): Promise<BankSearchPage> {
  const asked = bankSearchSchema.parse(input);
  const access = await findQuestionnaireAccess(asked.questionnaireId);
  // Someone else's private questionnaire is "not found", as on every read.
  if (!access || access.id !== asked.questionnaireId || !can(actor, "questionnaire.read", access))
    throw new BuilderError("notFound");
  if (!can(actor, "questionnaire.edit", access)) throw new BuilderError("forbidden");

  const params = searchParamsSchema.parse({
    q: asked.q,
    domain: asked.domain,
    type: asked.type,
    page: asked.page,
    pageSize: BANK_SEARCH_PAGE_SIZE,
  });
  const result = await searchQuestions(params);
  const codes = result.items.map((item) => item.code);
  const db = await getDb();
  const present = codes.length
    ? await db.questionnaireItem.findMany({
        where: { questionnaireId: access.id, question: { code: { in: codes } } },
        select: { question: { select: { code: true } } },
      })
    : [];
  const asks = new Set(present.map((p) => p.question.code));
  return {
    items: result.items.map((item) => ({
      code: item.code,
      type: item.type,
      label: Object.fromEntries(Object.entries(item.text).map(([lang, text]) => [lang, text.label])),
      choices: item.choices.slice(0, CHOICES_PREVIEWED),
      choiceCount: item.choices.length,
      inQuestionnaire: asks.has(item.code),
    })),
    total: result.total,
    estimated: result.estimated,
    page: params.page,
    pageSize: params.pageSize,
    ...(result.correctedQuery ? { correctedQuery: result.correctedQuery } : {}),
  };
}

export type DomainChoice = { code: string; name: LocalizedText };

/** The framework's domains, the panel's first filter. */
export async function findDomainChoices(): Promise<DomainChoice[]> {
  const db = await getDb();
  const rows = await db.domain.findMany({
    orderBy: [{ position: "asc" }, { code: "asc" }],
    select: { code: true, name: true },
  });
  return rows.map((r) => ({ code: r.code, name: r.name as LocalizedText }));
}
