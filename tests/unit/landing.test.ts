import { describe, expect, it } from "vitest";
import { landingPath } from "@/lib/auth/landing";
import { checkedNextPath, safeNextPath } from "@/lib/auth/next-path";

const actor = (roles: string[], translate: string[] = [], review: string[] = []) =>
  ({ id: "u", roles, translateLanguages: translate, reviewLanguages: review }) as Parameters<typeof landingPath>[0];

describe("landingPath", () => {
  it("sends each role to its work", () => {
    expect(landingPath(actor(["researcher"]))).toBe("/questionnaires");
    expect(landingPath(actor(["translator"], ["ar", "fr"]))).toBe("/translate/fr/queue");
    expect(landingPath(actor(["reviewer"], [], ["ar"]))).toBe("/translate/ar/queue?status=in_review");
    expect(landingPath(actor(["curator"]))).toBe("/curate/drafts");
    expect(landingPath(actor(["admin"]))).toBe("/admin/users");
  });
  it("prefers the narrower work, and My account without a usable role", () => {
    expect(landingPath(actor(["researcher", "curator"]))).toBe("/curate/drafts");
    expect(landingPath(actor(["researcher", "translator"], ["es"]))).toBe("/translate/es/queue");
    expect(landingPath(actor(["translator"], []))).toBe("/account");
    expect(landingPath(actor([]))).toBe("/account");
  });
});

describe("checkedNextPath", () => {
  it("is null where safeNextPath falls back, and agrees with it otherwise", () => {
    for (const refused of [undefined, "", "//evil.example/", "/..//evil.example/", "https://evil.example/x"]) {
      expect(checkedNextPath(refused)).toBeNull();
      expect(safeNextPath(refused)).toBe("/account");
    }
    expect(checkedNextPath("/en/questionnaires?x=1")).toBe("/questionnaires?x=1");
  });
});
