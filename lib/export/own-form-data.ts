// A questionnaire's own form (what an import brought) and its stable form_id, read for export.
// The JSON is written only by the import (lib/xlsform/import), from the reader's checked model.
import "server-only";
import { getDb } from "../db/client";
import type { FormModel } from "../xlsform/form";

export type OwnForm = { form: FormModel; formId: string | null };

export async function findOwnForm(questionnaireId: string): Promise<OwnForm | null> {
  const db = await getDb();
  const row = await db.questionnaire.findUnique({
    where: { id: questionnaireId },
    select: { form: true, formId: true },
  });
  return row?.form ? { form: row.form as unknown as FormModel, formId: row.formId } : null;
}
