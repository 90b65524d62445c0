// The audit trail: written in the same transaction as the change it describes, and browsed by
// person, object and date range, page by page, by curators and administrators only.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";
import { countAuditEvents, findAuditActors, findAuditEvents } from "@/lib/audit/data";
import { auditFilterSchema, AUDIT_PAGE_SIZE } from "@/lib/audit/schema";
import { loadAuditPage } from "@/lib/auth/audit-page-data";
import { browserHeaders, signInDemoRoles } from "./auth-helpers";
import { findUserByEmail } from "@/lib/users/data";

describe("recording", () => {
  it("commits with the change it describes, and rolls back with it", async () => {
    const db = await getDb();
    const before = await countAuditEvents({ entityType: "question", entityId: "q-rollback" });
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: null,
          action: "question.edit",
          entityType: "question",
          entityId: "q-rollback",
          before: { code: "x" },
          after: { code: "y" },
        });
        throw new Error("the write failed after the audit row");
      }),
    ).rejects.toThrow("the write failed");
    expect(await countAuditEvents({ entityType: "question", entityId: "q-rollback" })).toBe(before);
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "question.edit",
        entityType: "question",
        entityId: "q-rollback",
        before: { code: "x" },
        after: { code: "y" },
      }),
    );
    expect(await countAuditEvents({ entityType: "question", entityId: "q-rollback" })).toBe(before + 1);
  });

  it("refuses a malformed entry instead of storing it", async () => {
    const db = await getDb();
    await expect(
      recordAudit(db, { actorId: null, action: "no spaces allowed", entityType: "user", entityId: "x" }),
    ).rejects.toThrow();
    await expect(
      recordAudit(db, { actorId: null, action: "user.edit", entityType: "planet" as never, entityId: "x" }),
    ).rejects.toThrow();
  });
});

describe("browsing", () => {
  it("filters by person, object type, id or code, and date range, newest first, page by page", async () => {
    const db = await getDb();
    const curator = (await findUserByEmail("curator@demo.questionbank.org"))!;
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) {
      await recordAudit(db, {
        actorId: curator.id,
        action: "question.edit",
        entityType: "question",
        entityId: `qid-${i}`,
        before: { code: `paging_q_${i}`, label: "old" },
        after: { code: `paging_q_${i}`, label: "new" },
      });
    }
    const mine = await findAuditEvents(auditFilterSchema.parse({ actor: curator.id, entityType: "question" }));
    expect(mine.total).toBeGreaterThanOrEqual(AUDIT_PAGE_SIZE + 3);
    expect(mine.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(mine.pages).toBeGreaterThanOrEqual(2);
    expect(mine.rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(mine.rows[1].createdAt.getTime());
    expect(mine.rows.every((r) => r.actor?.email === "curator@demo.questionbank.org")).toBe(true);
    const second = await findAuditEvents(
      auditFilterSchema.parse({ actor: curator.id, entityType: "question", page: "2" }),
    );
    expect(second.rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set([...mine.rows, ...second.rows].map((r) => r.id)).size).toBe(mine.rows.length + second.rows.length);

    const byCode = await findAuditEvents(auditFilterSchema.parse({ entity: "paging_q_7" }));
    expect(byCode.rows.map((r) => r.entityId)).toEqual(["qid-7"]);
    const byId = await findAuditEvents(auditFilterSchema.parse({ entity: "qid-7" }));
    expect(byId.total).toBe(1);

    const today = new Date().toISOString().slice(0, 10);
    expect((await findAuditEvents(auditFilterSchema.parse({ entity: "qid-7", from: today, to: today }))).total).toBe(1);
    expect((await findAuditEvents(auditFilterSchema.parse({ entity: "qid-7", to: "2000-01-01" }))).total).toBe(0);
    expect((await findAuditEvents(auditFilterSchema.parse({ entity: "qid-7", from: "2999-01-01" }))).total).toBe(0);
    expect((await findAuditActors()).map((a) => a.email)).toContain("curator@demo.questionbank.org");
  });

  it("drops malformed filters instead of failing", () => {
    const parsed = auditFilterSchema.parse({
      entityType: "planet",
      from: "yesterday",
      to: "2024-13-45",
      page: "-3",
      entity: "x".repeat(10),
    });
    expect(parsed).toMatchObject({
      entityType: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      entity: "x".repeat(10),
    });
  });

  it("is open to curators and administrators only", async () => {
    const cookies = await signInDemoRoles();
    for (const role of ["curator", "admin"] as const) {
      const page = await loadAuditPage(browserHeaders(cookies[role]), {});
      expect(page.total, role).toBeGreaterThan(0);
    }
    for (const role of ["researcher", "translator", "reviewer"] as const) {
      await expect(loadAuditPage(browserHeaders(cookies[role]), {}), role).rejects.toMatchObject({
        code: "forbidden",
        status: 403,
      });
    }
    await expect(loadAuditPage(new Headers(), {})).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
  });
});
