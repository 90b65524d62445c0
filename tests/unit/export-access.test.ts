import { describe, expect, it } from "vitest";
import {
  canExportQuestionnaire,
  canImportQuestionnaire,
  canReadQuestionnaire,
  visibleScope,
} from "@/lib/questionnaires/access";
import type { Actor } from "@/lib/auth/permissions";

const person = (id: string, roles: NonNullable<Actor>["roles"]): Actor => ({
  id,
  roles,
  translateLanguages: [],
  reviewLanguages: [],
});
const actors: Actor[] = [
  null,
  person("r1", ["researcher"]),
  person("t1", ["translator"]),
  person("c1", ["curator"]),
  person("r2", ["researcher", "curator"]),
];
const questionnaires = (["private", "shared", "public_template"] as const).flatMap((visibility) =>
  [null, "r1", "c1", "someone"].map((ownerId) => ({ visibility, ownerId })),
);

describe("who may see, export and import questionnaires", () => {
  it("lets visitors see and export public templates only", () => {
    for (const q of questionnaires) {
      expect(canReadQuestionnaire(null, q), JSON.stringify(q)).toBe(q.visibility === "public_template");
      expect(canExportQuestionnaire(null, q), JSON.stringify(q)).toBe(q.visibility === "public_template");
    }
  });

  it("lets owners see their own private questionnaires, and nobody else's", () => {
    const mine = { visibility: "private" as const, ownerId: "r1" };
    expect(canExportQuestionnaire(actors[1], mine)).toBe(true);
    expect(canExportQuestionnaire(actors[3], mine)).toBe(false);
    expect(canExportQuestionnaire(actors[2], mine)).toBe(false);
  });

  it("lists exactly what each person may read (the list filter agrees with the decision)", () => {
    for (const actor of actors) {
      const scope = visibleScope(actor);
      for (const q of questionnaires) {
        const listed = scope.visibilities.includes(q.visibility) || (!!scope.ownerId && q.ownerId === scope.ownerId);
        expect(listed, `${actor?.id ?? "visitor"} ${JSON.stringify(q)}`).toBe(canReadQuestionnaire(actor, q));
      }
    }
  });

  it("lets signed-in researchers import, nobody else", () => {
    expect(actors.map((a) => canImportQuestionnaire(a))).toEqual([false, true, false, false, true]);
  });
});
