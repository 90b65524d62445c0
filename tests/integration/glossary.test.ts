// The glossary's writes on a real database: seeded from prisma/seed/glossary.json, kept by
// reviewers (translators refused), audited, the revision claimed (a stale edit or delete is a
// conflict carrying the saved term), imports previewed then applied, and the check applied on save.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createGlossaryTerm, deleteGlossaryTerm, updateGlossaryTerm } from "@/lib/translations/glossary-mutations";
import { applyGlossaryImport, previewGlossaryImport } from "@/lib/translations/glossary-import-mutations";
import { GlossaryError } from "@/lib/translations/glossary-errors";
import { listGlossary } from "@/lib/translations/glossary-data";
import { findConsistencyReport } from "@/lib/translations/glossary-report-data";
import { writeTbx } from "@/lib/translations/glossary-tbx";
import { saveTranslation } from "@/lib/translations/mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { createPerson, pickQuestion } from "./translation-helpers";

let reviewer: NonNullable<Actor>;
let translator: NonNullable<Actor>;

beforeAll(async () => {
  reviewer = await createPerson("gl-reviewer", ["reviewer"], { review: ["es", "ar"] });
  translator = await createPerson("gl-translator", ["translator"], { translate: ["es"] });
});

async function refusal(promise: Promise<unknown>): Promise<GlossaryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GlossaryError);
  return error as GlossaryError;
}

const fields = {
  term: "gl test term",
  approved: "término de prueba",
  forbidden: "variante mala\notra mala",
  domain: "health",
};

describe("glossary", () => {
  it("is seeded from prisma/seed/glossary.json in every target language", async () => {
    for (const lang of ["es", "fr", "ar"] as const) {
      const rows = await listGlossary(lang);
      expect(rows.find((r) => r.term === "health worker")?.approved).toBe(
        { es: "personal de salud", fr: "agent de santé", ar: "عامل صحي" }[lang],
      );
    }
  });

  it("a reviewer adds, edits and deletes a term, each audited; a translator and a reviewer of another language may not", async () => {
    expect((await refusal(createGlossaryTerm(translator, { ...fields, lang: "es" }))).code).toBe("forbidden");
    expect((await refusal(createGlossaryTerm(reviewer, { ...fields, lang: "fr" }))).code).toBe("forbidden");
    expect((await refusal(createGlossaryTerm(null, { ...fields, lang: "es" }))).code).toBe("unauthenticated");
    expect((await refusal(createGlossaryTerm(reviewer, { ...fields, approved: " ", lang: "es" }))).code).toBe(
      "invalidInput",
    );

    const created = await createGlossaryTerm(reviewer, { ...fields, lang: "es" });
    expect(created).toMatchObject({ revision: 0, forbidden: ["variante mala", "otra mala"], updatedBy: "gl reviewer" });
    expect((await refusal(createGlossaryTerm(reviewer, { ...fields, lang: "es" }))).code).toBe("duplicateTerm");

    const edited = await updateGlossaryTerm(reviewer, {
      ...fields,
      approved: "término probado",
      id: created.id,
      revision: 0,
      lang: "es",
    });
    expect(edited.revision).toBe(1);
    expect(
      (await refusal(updateGlossaryTerm(translator, { ...fields, id: created.id, revision: 1, lang: "es" }))).code,
    ).toBe("forbidden");
    expect((await refusal(deleteGlossaryTerm(translator, { id: created.id, revision: 1, lang: "es" }))).code).toBe(
      "forbidden",
    );
    await deleteGlossaryTerm(reviewer, { id: created.id, revision: 1, lang: "es" });

    const db = await getDb();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "glossaryTerm", entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["glossary.create", reviewer.id],
      ["glossary.update", reviewer.id],
      ["glossary.delete", reviewer.id],
    ]);
    expect(audit[1].before).toMatchObject({ approved: "término de prueba" });
    expect(audit[1].after).toMatchObject({ approved: "término probado" });
  });

  it("an edit or delete from a stale revision is a conflict that carries the saved term", async () => {
    const created = await createGlossaryTerm(reviewer, { ...fields, term: "gl conflict", lang: "es" });
    await updateGlossaryTerm(reviewer, {
      ...fields,
      term: "gl conflict",
      approved: "primera",
      id: created.id,
      revision: 0,
      lang: "es",
    });
    const stale = await refusal(
      updateGlossaryTerm(reviewer, {
        ...fields,
        term: "gl conflict",
        approved: "segunda",
        id: created.id,
        revision: 0,
        lang: "es",
      }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.details?.current).toMatchObject({ approved: "primera", revision: 1 });
    expect((await refusal(deleteGlossaryTerm(reviewer, { id: created.id, revision: 0, lang: "es" }))).code).toBe(
      "conflict",
    );
    expect((await listGlossary("es")).find((r) => r.id === created.id)?.approved).toBe("primera");
  });

  it("imports a TBX file: preview names refused entries and writes nothing; apply writes and audits", async () => {
    const tbx = writeTbx("ar", [
      {
        term: "gl imported",
        approved: "مستورد",
        forms: [],
        forbidden: ["ممنوع"],
        except: [],
        note: "",
        domain: "general",
      },
      {
        term: "health worker",
        approved: "عامل صحي",
        forms: [],
        forbidden: ["موظف صحي"],
        except: [],
        note: "changed",
        domain: "health",
      },
    ]).replace(
      "</body>",
      `<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>gl orphan</term></termSec></langSec></conceptEntry></body>`,
    );
    const bytes = new TextEncoder().encode(tbx);
    expect((await refusal(previewGlossaryImport(translator, { lang: "ar", bytes }))).code).toBe("forbidden");
    const preview = await previewGlossaryImport(reviewer, { lang: "ar", bytes });
    expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 0, invalid: 1 });
    expect(preview.rows[2]).toMatchObject({ row: 3, kind: "invalid", problems: [{ code: "noTargetTerm" }] });
    expect((await listGlossary("ar")).some((r) => r.term === "gl imported")).toBe(false);

    expect((await refusal(applyGlossaryImport(reviewer, { lang: "ar", bytes, digest: "0".repeat(64) }))).code).toBe(
      "previewChanged",
    );
    expect(await applyGlossaryImport(reviewer, { lang: "ar", bytes, digest: preview.digest })).toEqual({
      created: 1,
      updated: 1,
    });
    const rows = await listGlossary("ar");
    expect(rows.find((r) => r.term === "gl imported")?.forbidden).toEqual(["ممنوع"]);
    expect(rows.find((r) => r.term === "health worker")?.note).toBe("changed");
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { action: "glossary.import", actorId: reviewer.id } })).toBe(2);
    // The same file again changes nothing.
    expect((await previewGlossaryImport(reviewer, { lang: "ar", bytes })).counts).toMatchObject({
      create: 0,
      update: 0,
      unchanged: 2,
    });
  });

  it("a save that uses a forbidden variant is held for confirmation with the glossary warning", async () => {
    const q = await pickQuestion();
    const db = await getDb();
    const source = await db.questionText.findUnique({
      where: { questionId_lang: { questionId: q.id, lang: "en" } },
      select: { label: true },
    });
    await createGlossaryTerm(reviewer, { term: "gl-word", approved: "palabra-gl", forbidden: "mala-gl", lang: "es" });
    await db.questionText.update({
      where: { questionId_lang: { questionId: q.id, lang: "en" } },
      data: { label: `${source!.label} gl-word` },
    });
    const error = await saveTranslation(translator, {
      code: q.code,
      lang: "es",
      label: "Texto mala-gl",
      revision: -1,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isTranslationError(error) && error.code).toBe("warnings");
    const codes = isTranslationError(error) ? (error.details?.warnings ?? []).map((w) => w.code) : [];
    expect(codes).toContain("glossaryMissing");
    expect(codes).toContain("glossaryForbidden");
    await db.questionText.update({
      where: { questionId_lang: { questionId: q.id, lang: "en" } },
      data: { label: source!.label },
    });
  });

  it("reports per term how the bank's translations keep to it", async () => {
    const report = await findConsistencyReport("es");
    const row = report.find((r) => r.term === "health worker")!;
    expect(row.texts).toBeGreaterThan(0);
    expect(row.usesApproved + row.usesForbidden + row.neither).toBe(row.texts);
  });
});
