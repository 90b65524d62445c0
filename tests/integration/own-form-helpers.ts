// What the tests of editing an imported form share: a researcher imports a workbook through the
// route, then changes it through the builder's mutation as the builder's screen does (claiming the
// revision it last saw), reads back what is stored and exports it through pyxform.
import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { applyBuilderChange, type ChangeOutcome } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import type { BuilderChange } from "@/lib/builder/schema";
import { workbook, type Sheets } from "../unit/xlsform-form/forms";
import { convertWithPyxform } from "../unit/xlsform-form/pyxform";
import { browserHeaders, ORIGIN, signInDemoRoles } from "./auth-helpers";
import { importAs } from "./import-helpers";
import { personOf } from "./person-helpers";

/** A builder change without the questionnaire and revision, which the form supplies. */
export type ChangeBody = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision">
    : never
  : never;

export type ImportedForm = {
  id: string;
  researcher: Person;
  /** The revision the last change through `change` left (the imported one at first) */
  revision: number;
  /** `body` as the researcher, on `revision`, which then becomes the change's */
  change(body: ChangeBody): Promise<ChangeOutcome>;
  /** `body` on the revision given, as `actor` (the researcher unless said), leaving `revision` alone */
  changeAt(at: number, body: ChangeBody, actor?: Person): Promise<ChangeOutcome>;
  /** The revision stored now */
  storedRevision(): Promise<number>;
  /** The questionnaire's stored form, in the shape the test reads */
  storedForm<T>(): Promise<T>;
  /** The questionnaire's audit events (action "questionnaire.…"), oldest first */
  auditEvents(): Promise<{ action: string; actorId: string | null; after: unknown }[]>;
  /** The XLSForm export as the researcher downloads it, converted by pyxform: the raw XForm */
  exportedXForm(): Promise<string>;
};

/** The demo researcher imports `sheets` (written as a workbook) and edits it from then on. */
export async function importForm(sheets: Sheets): Promise<ImportedForm> {
  const cookies = await signInDemoRoles();
  const researcher = await personOf("researcher@demo.questionbank.org");
  const id = await importAs(cookies.researcher, await workbook(sheets));
  const changeAt = (at: number, body: ChangeBody, actor = researcher) =>
    applyBuilderChange({ actor, change: { ...body, questionnaireId: id, revision: at } as BuilderChange });
  const storedRevision = async () => (await findBuilderQuestionnaire(id))!.revision;
  const form: ImportedForm = {
    id,
    researcher,
    revision: await storedRevision(),
    async change(body) {
      const done = await changeAt(form.revision, body);
      form.revision = done.revision;
      return done;
    },
    changeAt,
    storedRevision,
    async storedForm<T>() {
      const db = await getDb();
      return (await db.questionnaire.findUnique({ where: { id }, select: { form: true } }))!.form as unknown as T;
    },
    async auditEvents() {
      const db = await getDb();
      return db.auditEvent.findMany({
        where: { entityId: id, action: { startsWith: "questionnaire." } },
        orderBy: { createdAt: "asc" },
      });
    },
    async exportedXForm() {
      const response = await exportRoute(
        new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?format=xlsform`, {
          headers: browserHeaders(cookies.researcher),
        }),
        { params: Promise.resolve({ id }) },
      );
      expect(response.status, await response.clone().text()).toBe(200);
      const [converted] = await convertWithPyxform([new Uint8Array(await response.arrayBuffer())]);
      if (!converted.ok) throw new Error(converted.error);
      return converted.raw;
    },
  };
  return form;
}
