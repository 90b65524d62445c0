// The role × operation matrix, written out by hand (not derived from the policy) so that a change
// of the policy that nobody meant shows up here as a failing cell.
import { describe, expect, it } from "vitest";
import { ACTIONS, can, needsSignIn, type Action, type Actor, type Role } from "@/lib/auth/permissions";

const actorWith = (
  roles: Role[],
  langs: { translate?: string[]; review?: string[] } = {},
  id = "u1",
): NonNullable<Actor> => ({
  id,
  roles,
  translateLanguages: langs.translate ?? [],
  reviewLanguages: langs.review ?? [],
});

const people = {
  anonymous: null,
  researcher: actorWith(["researcher"]),
  translator: actorWith(["translator"], { translate: ["ar", "fr"] }),
  reviewer: actorWith(["reviewer"], { review: ["ar", "fr"] }),
  curator: actorWith(["curator"]),
  admin: actorWith(["admin"]),
} as const;
type Person = keyof typeof people;

const Y = true;
const N = false;
// Operations without a resource:       anon researcher translator reviewer curator admin
const plain: Record<
  Exclude<
    Action,
    | `questionnaire.${"read" | "edit" | "delete" | "share" | "export"}`
    | `translation.${string}`
    | `results.${string}`
    | `glossary.${string}`
  >,
  boolean[]
> = {
  "question.read": [Y, Y, Y, Y, Y, Y],
  "framework.read": [Y, Y, Y, Y, Y, Y],
  "template.read": [Y, Y, Y, Y, Y, Y],
  "api.read": [Y, Y, Y, Y, Y, Y],
  "account.read": [N, Y, Y, Y, Y, Y],
  "account.changePassword": [N, Y, Y, Y, Y, Y],
  "questionnaire.create": [N, Y, N, N, N, N],
  "question.create": [N, N, N, N, Y, N],
  "question.edit": [N, N, N, N, Y, N],
  "question.publish": [N, N, N, N, Y, N],
  "question.retire": [N, N, N, N, Y, N],
  "question.restore": [N, N, N, N, Y, N],
  "question.reject": [N, N, N, N, Y, N],
  "question.merge": [N, N, N, N, Y, N],
  "choiceList.edit": [N, N, N, N, Y, N],
  "source.edit": [N, N, N, N, Y, N],
  "tag.edit": [N, N, N, N, Y, N],
  "template.publish": [N, N, N, N, Y, N],
  "indicator.define": [N, N, N, N, Y, Y],
  "framework.edit": [N, N, N, N, N, Y],
  "user.manage": [N, N, N, N, N, Y],
  "user.read": [N, N, N, N, N, Y],
  "audit.read": [N, N, N, N, Y, Y],
};
const order: Person[] = ["anonymous", "researcher", "translator", "reviewer", "curator", "admin"];

describe("permission matrix: role × operation", () => {
  for (const [action, row] of Object.entries(plain) as [Action, boolean[]][]) {
    for (const [i, person] of order.entries()) {
      it(`${person} ${row[i] ? "may" : "may not"} ${action}`, () => {
        expect(can(people[person], action)).toBe(row[i]);
      });
    }
  }

  it("covers every action of the policy (the table above plus the resource rules below)", () => {
    const covered = new Set<string>([
      ...Object.keys(plain),
      "questionnaire.read",
      "questionnaire.edit",
      "questionnaire.delete",
      "questionnaire.share",
      "questionnaire.export",
      "results.upload",
      "results.read",
      "results.delete",
      "translation.edit",
      "translation.submit",
      "translation.review",
      "translation.approve",
      "glossary.read",
      "glossary.edit",
    ]);
    expect([...ACTIONS].sort()).toEqual([...covered].sort());
  });
});

describe("uploaded submissions belong to their uploader", () => {
  const template = { ownerId: "someone-else", visibility: "public_template" as const };
  const privateOther = { ownerId: "someone-else", visibility: "private" as const };
  it("a researcher uploads for a questionnaire they may read; only the uploader reads and deletes", () => {
    expect(can(people.researcher, "results.upload", template)).toBe(true);
    expect(can(people.researcher, "results.upload", { ownerId: "u1", visibility: "private" })).toBe(true);
    expect(can(people.researcher, "results.upload", privateOther)).toBe(false);
    expect(can(people.translator, "results.upload", template)).toBe(false);
    expect(can(people.anonymous, "results.upload", template)).toBe(false);
    for (const action of ["results.read", "results.delete"] as const) {
      expect(can(people.researcher, action, { ownerId: "u1" })).toBe(true);
      expect(can(people.researcher, action, { ownerId: "someone-else" })).toBe(false);
      expect(can(people.admin, action, { ownerId: "someone-else" })).toBe(false);
      expect(can(people.anonymous, action, { ownerId: "u1" })).toBe(false);
      expect(can(people.researcher, action)).toBe(false);
    }
  });
});

describe("questionnaires belong to their owner", () => {
  const own = { ownerId: "u1", visibility: "private" as const };
  const other = { ownerId: "someone-else", visibility: "private" as const };
  const template = { ownerId: "someone-else", visibility: "public_template" as const };
  for (const action of ["questionnaire.edit", "questionnaire.delete", "questionnaire.share"] as const) {
    it(`${action}: the owning researcher only`, () => {
      expect(can(people.researcher, action, own)).toBe(true);
      expect(can(people.researcher, action, other)).toBe(false);
      expect(can(people.researcher, action, template)).toBe(false);
      expect(can(people.curator, action, other)).toBe(false);
      expect(can(people.admin, action, other)).toBe(false);
      expect(can(people.anonymous, action, template)).toBe(false);
      // Owning a questionnaire without the researcher role (role removed) is not enough to change it.
      expect(can(actorWith(["translator"]), action, own)).toBe(false);
      // No resource given: refused rather than guessed.
      expect(can(people.researcher, action)).toBe(false);
    });
  }
  it("read and export: the owner, anyone for shared ones, visitors for public templates only", () => {
    for (const action of ["questionnaire.read", "questionnaire.export"] as const) {
      expect(can(people.researcher, action, own)).toBe(true);
      expect(can(people.researcher, action, other)).toBe(false);
      expect(can(people.translator, action, { ownerId: "x", visibility: "shared" })).toBe(true);
      expect(can(people.anonymous, action, { ownerId: "x", visibility: "shared" })).toBe(false);
      expect(can(people.anonymous, action, template)).toBe(true);
      expect(can(people.anonymous, action, other)).toBe(false);
    }
  });
});

describe("translators and reviewers act in their own languages only", () => {
  for (const lang of ["en", "es", "fr", "ar"]) {
    const assigned = lang === "ar" || lang === "fr";
    it(`${lang}: translation.edit/submit ${assigned ? "allowed" : "refused"} for a translator of ar, fr`, () => {
      expect(can(people.translator, "translation.edit", { lang })).toBe(assigned);
      expect(can(people.translator, "translation.submit", { lang })).toBe(assigned);
      expect(can(people.translator, "translation.review", { lang })).toBe(false);
    });
    it(`${lang}: translation.review ${assigned ? "allowed" : "refused"} for a reviewer of ar, fr`, () => {
      expect(can(people.reviewer, "translation.review", { lang })).toBe(assigned);
      expect(can(people.reviewer, "translation.edit", { lang })).toBe(false);
    });
  }
  it("languages without the role give nothing; nobody else translates or reviews", () => {
    expect(
      can(actorWith(["researcher"], { translate: ["ar"], review: ["ar"] }), "translation.edit", { lang: "ar" }),
    ).toBe(false);
    expect(
      can(actorWith(["researcher"], { translate: ["ar"], review: ["ar"] }), "translation.review", { lang: "ar" }),
    ).toBe(false);
    for (const person of ["anonymous", "researcher", "curator", "admin"] as const) {
      expect(can(people[person], "translation.edit", { lang: "ar" })).toBe(false);
      expect(can(people[person], "translation.review", { lang: "ar" })).toBe(false);
    }
  });
  it("roles add up", () => {
    const both = actorWith(["translator", "reviewer", "curator"], { translate: ["es"], review: ["fr"] });
    expect(can(both, "translation.edit", { lang: "es" })).toBe(true);
    expect(can(both, "translation.review", { lang: "fr" })).toBe(true);
    expect(can(both, "translation.review", { lang: "es" })).toBe(false);
    expect(can(both, "question.publish")).toBe(true);
    expect(can(both, "user.manage")).toBe(false);
  });

  it("four eyes: a reviewer approves a text only when someone else edited it last", () => {
    const reviewer = actorWith(["translator", "reviewer"], { translate: ["fr"], review: ["fr"] }, "rev-1");
    expect(can(reviewer, "translation.approve", { lang: "fr", lastEditors: ["someone-else"] })).toBe(true);
    expect(can(reviewer, "translation.approve", { lang: "fr", lastEditors: ["rev-1"] })).toBe(false);
    // The last editor of one answer choice that moves with the text counts too.
    expect(can(reviewer, "translation.approve", { lang: "fr", lastEditors: ["someone-else", "rev-1"] })).toBe(false);
    expect(can(reviewer, "translation.approve", { lang: "fr", lastEditors: [null] })).toBe(true);
    expect(can(reviewer, "translation.approve", { lang: "ar", lastEditors: ["someone-else"] })).toBe(false);
    expect(can(people.translator, "translation.approve", { lang: "fr", lastEditors: ["someone-else"] })).toBe(false);
    expect(can(reviewer, "translation.approve", { lang: "fr" } as never)).toBe(false);
    expect(can(null, "translation.approve", { lang: "fr", lastEditors: [] })).toBe(false);
  });
});

describe("the glossary of a language", () => {
  it("is read by its translators and reviewers, curators and administrators", () => {
    expect(can(people.translator, "glossary.read", { lang: "fr" })).toBe(true);
    expect(can(people.translator, "glossary.read", { lang: "es" })).toBe(false);
    expect(can(people.reviewer, "glossary.read", { lang: "ar" })).toBe(true);
    expect(can(people.curator, "glossary.read", { lang: "es" })).toBe(true);
    expect(can(people.admin, "glossary.read", { lang: "es" })).toBe(true);
    expect(can(people.researcher, "glossary.read", { lang: "fr" })).toBe(false);
    expect(can(people.anonymous, "glossary.read", { lang: "fr" })).toBe(false);
  });

  it("is kept by its reviewers, curators and administrators; never by a translator", () => {
    expect(can(people.reviewer, "glossary.edit", { lang: "fr" })).toBe(true);
    expect(can(people.reviewer, "glossary.edit", { lang: "es" })).toBe(false);
    expect(can(people.translator, "glossary.edit", { lang: "fr" })).toBe(false);
    expect(can(people.curator, "glossary.edit", { lang: "es" })).toBe(true);
    expect(can(people.admin, "glossary.edit", { lang: "ar" })).toBe(true);
    expect(can(people.anonymous, "glossary.edit", { lang: "fr" })).toBe(false);
    expect(can(people.reviewer, "glossary.edit")).toBe(false);
  });
});

describe("refusals are 401 for visitors where signing in could help", () => {
  it("says which actions need a signed-in person", () => {
    expect(needsSignIn("user.manage")).toBe(true);
    expect(needsSignIn("account.read")).toBe(true);
    expect(needsSignIn("question.read")).toBe(false);
  });
});
