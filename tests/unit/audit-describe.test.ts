import { describe, expect, it } from "vitest";
import { describeAuditChanges, describeAuditObject } from "@/lib/audit/describe";

const found = { titles: new Map<string, Record<string, string>>(), people: new Map() };

describe("audit rows in words", () => {
  it("an edit lists only what changed, without ids, revisions or timestamps", () => {
    const before = {
      id: "u1",
      name: "Farida",
      email: "f@example.org",
      roles: ["researcher"],
      disabled: false,
      revision: 3,
    };
    const after = {
      ...before,
      roles: ["translator", "reviewer"],
      disabled: true,
      revision: 4,
      updatedAt: "2026-01-01",
    };
    expect(describeAuditChanges({ entityType: "user", before, after })).toEqual({
      kind: "edit",
      changes: [
        {
          field: "roles",
          before: { kind: "list", items: [{ kind: "role", role: "researcher" }] },
          after: {
            kind: "list",
            items: [
              { kind: "role", role: "translator" },
              { kind: "role", role: "reviewer" },
            ],
          },
        },
        { field: "disabled", before: { kind: "yesNo", value: false }, after: { kind: "yesNo", value: true } },
      ],
    });
  });

  it("statuses are told apart by whose they are; a question's type is a type, an indicator's a code", () => {
    const translation = describeAuditChanges({
      entityType: "translation",
      before: { status: "in_review" },
      after: { status: "approved", comment: "Bien" },
    });
    expect(translation.changes).toEqual([
      {
        field: "status",
        before: { kind: "status", of: "translation", status: "in_review" },
        after: { kind: "status", of: "translation", status: "approved" },
      },
      { field: "comment", before: { kind: "none" }, after: { kind: "text", text: "Bien" } },
    ]);
    const question = describeAuditChanges({
      entityType: "question",
      before: { code: "q1", type: "integer", status: "draft" },
      after: { code: "q1", type: "select_one", status: "published" },
    });
    expect(question.changes.map((c) => c.after)).toEqual([
      { kind: "questionType", type: "select_one" },
      { kind: "status", of: "question", status: "published" },
    ]);
    expect(
      describeAuditChanges({ entityType: "framework", before: null, after: { code: "PER-03", type: "behavioural" } })
        .changes,
    ).toEqual([
      { field: "code", after: { kind: "code", text: "PER-03" } },
      { field: "type", after: { kind: "code", text: "behavioural" } },
    ]);
  });

  it("a questionnaire's settings are its own fields; texts in several languages stay whole; languages are languages", () => {
    const changes = describeAuditChanges({
      entityType: "questionnaire",
      before: null,
      after: {
        settings: {
          title: { en: "Household survey", fr: "Enquête ménages", ar: "" },
          languages: ["en", "fr"],
          defaultLanguage: "en",
          fallbackLanguage: null,
        },
      },
    });
    expect(changes).toEqual({
      kind: "created",
      changes: [
        { field: "title", after: { kind: "localized", texts: { en: "Household survey", fr: "Enquête ménages" } } },
        {
          field: "languages",
          after: {
            kind: "list",
            items: [
              { kind: "language", lang: "en" },
              { kind: "language", lang: "fr" },
            ],
          },
        },
        { field: "defaultLanguage", after: { kind: "language", lang: "en" } },
      ],
    });
  });

  it("answer choices read as choices, a computation as changed, a duplicate's source by its title", () => {
    const choices = describeAuditChanges({
      entityType: "translation",
      before: { choices: [{ name: "yes", label: "Oui" }] },
      after: { choices: [{ name: "yes", label: "Oui, bien sûr" }] },
    });
    expect(choices.changes[0].after).toEqual({
      kind: "list",
      items: [{ kind: "choice", name: "yes", label: "Oui, bien sûr" }],
    });
    expect(
      describeAuditChanges({
        entityType: "framework",
        before: { computation: null, revision: 1 },
        after: { computation: { version: 2 }, revision: 2 },
      }).changes,
    ).toEqual([{ field: "computation", before: { kind: "none" }, after: { kind: "changed" } }]);
    const titles = new Map([["src1", { en: "Cholera KAP" }]]);
    expect(
      describeAuditChanges({ entityType: "questionnaire", before: null, after: { from: "src1" }, titles }),
    ).toEqual({
      kind: "created",
      changes: [{ field: "from", after: { kind: "localized", texts: { en: "Cholera KAP" } } }],
    });
    // The source deleted since: its bare id is not shown.
    expect(describeAuditChanges({ entityType: "questionnaire", before: null, after: { from: "gone" } })).toEqual({
      kind: "created",
      changes: [],
    });
  });

  it("a deletion shows what the object was; nothing recorded says so", () => {
    expect(
      describeAuditChanges({
        entityType: "questionnaire",
        before: { title: { en: "Old" }, languages: ["en"] },
        after: null,
      }),
    ).toEqual({
      kind: "deleted",
      changes: [
        { field: "title", before: { kind: "localized", texts: { en: "Old" } } },
        { field: "languages", before: { kind: "list", items: [{ kind: "language", lang: "en" }] } },
      ],
    });
    expect(describeAuditChanges({ entityType: "user", before: null, after: null })).toEqual({
      kind: "none",
      changes: [],
    });
  });

  it("names the object: a person by name, a question by code, a translation by code and language, a questionnaire by title", () => {
    const people = new Map([["u1", { name: "Farida Mansour", email: "f@example.org" }]]);
    expect(
      describeAuditObject({ entityType: "user", entityId: "u1", before: null, after: null }, { ...found, people }),
    ).toEqual({
      kind: "person",
      name: "Farida Mansour",
      email: "f@example.org",
    });
    expect(
      describeAuditObject(
        { entityType: "question", entityId: "cuid1", before: { code: "bkg_phone" }, after: null },
        found,
      ),
    ).toEqual({ kind: "question", code: "bkg_phone" });
    expect(
      describeAuditObject({ entityType: "translation", entityId: "bkg_phone:fr", before: null, after: null }, found),
    ).toEqual({ kind: "translation", code: "bkg_phone", lang: "fr" });
    expect(
      describeAuditObject(
        { entityType: "questionnaire", entityId: "q9", before: { title: { en: "Deleted survey" } }, after: null },
        found,
      ),
    ).toEqual({ kind: "titled", texts: { en: "Deleted survey" } });
    expect(
      describeAuditObject(
        { entityType: "questionnaire", entityId: "q9", before: null, after: null },
        { ...found, titles: new Map([["q9", { en: "Now called this" }]]) },
      ),
    ).toEqual({ kind: "titled", texts: { en: "Now called this" } });
    expect(
      describeAuditObject({ entityType: "questionnaire", entityId: "q0", before: null, after: null }, found),
    ).toEqual({
      kind: "unknown",
      id: "q0",
    });
  });
});

describe("every builder change has its words", () => {
  // The audit trail and the builder's "Last change: …" bar both name a change by its op.
  it("names each op of the builder's change schema in the four interface languages", async () => {
    const { builderChangeSchema } = await import("@/lib/builder/schema");
    const ops = builderChangeSchema.options.map((o) => o.shape.op.value);
    expect(ops.length).toBeGreaterThan(20);
    for (const lang of ["en", "es", "fr", "ar"]) {
      const messages = (await import(`@/messages/${lang}.json`)).default as {
        audit: { actions: { questionnaire: Record<string, string> } };
      };
      const named = messages.audit.actions.questionnaire;
      expect(
        ops.filter((op) => !named[op]?.trim()),
        lang,
      ).toEqual([]);
    }
  });
});
