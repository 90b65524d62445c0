import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { confirmStillValid } from "@/lib/translations/mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { changeSourceLabel, createPerson, textOf } from "./translation-helpers";

let translator: NonNullable<Actor>;
let reviewer: NonNullable<Actor>;
let editingReviewer: NonNullable<Actor>;
let code: string;
let approved: string;

const codeOf = (e: unknown) => (isTranslationError(e) ? e.code : e);

beforeAll(async () => {
  translator = await createPerson("sv-translator-fr", ["translator"], { translate: ["fr"] });
  reviewer = await createPerson("sv-reviewer-fr", ["reviewer"], { review: ["fr"] });
  editingReviewer = await createPerson("sv-reviewer-editor-fr", ["translator", "reviewer"], {
    translate: ["fr"],
    review: ["fr"],
  });
  const db = await getDb();
  // From the end of the bank, past the questions the XLIFF and memory tests change.
  const q = await db.question.findFirstOrThrow({
    where: { status: "published", items: { none: {} }, texts: { some: { lang: "fr", status: "approved" } } },
    orderBy: { code: "desc" },
    skip: 25,
    select: { id: true, code: true },
  });
  code = q.code;
  // The reviewer who edits below was the text's last editor.
  const text = await db.questionText.update({
    where: { questionId_lang: { questionId: q.id, lang: "fr" } },
    data: { updatedById: editingReviewer.id },
    select: { label: true },
  });
  approved = text.label;
  await changeSourceLabel(code, "A reworded English question whose French still fits?");
});

describe("still valid", () => {
  it("lets only a reviewer who is not the last editor confirm an outdated text, audited", async () => {
    const before = (await textOf(code, "fr"))!;
    expect(before.status).toBe("outdated");
    const input = { code, lang: "fr", revision: before.revision };
    expect(codeOf(await confirmStillValid(translator, input).catch((e) => e))).toBe("forbidden");
    expect(codeOf(await confirmStillValid(editingReviewer, input).catch((e) => e))).toBe("ownEdit");
    expect(codeOf(await confirmStillValid(reviewer, { ...input, revision: before.revision + 5 }).catch((e) => e))).toBe(
      "conflict",
    );

    expect(await confirmStillValid(reviewer, input)).toEqual({ revision: before.revision + 1, state: "approved" });
    const db = await getDb();
    const q = await db.question.findUniqueOrThrow({ where: { code }, select: { version: true } });
    // The same words, approved for the new English.
    expect(await textOf(code, "fr")).toMatchObject({ label: approved, status: "approved", sourceVersion: q.version });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "translation.stillValid", entityId: `${code}:fr` },
      select: { actorId: true, before: true, after: true },
    });
    expect(audit).toEqual({ actorId: reviewer.id, before: { status: "outdated" }, after: { status: "approved" } });

    // Not outdated any more: nothing to confirm.
    const again = { code, lang: "fr", revision: before.revision + 1 };
    expect(codeOf(await confirmStillValid(reviewer, again).catch((e) => e))).toBe("wrongStatus");
  });
});
