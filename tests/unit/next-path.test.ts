import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/next-path";

describe("the return address after sign-in", () => {
  it("keeps a path inside the app, without its locale (the form navigates in the person's own)", () => {
    expect(safeNextPath("/questionnaires/abc/preview?lang=ar")).toBe("/questionnaires/abc/preview?lang=ar");
    expect(safeNextPath("/en/questionnaires")).toBe("/questionnaires");
    expect(safeNextPath("/ar")).toBe("/");
    expect(safeNextPath("/fr?x=1")).toBe("/?x=1");
    expect(safeNextPath("/english-lessons")).toBe("/english-lessons");
  });
  it("refuses anything that could leave the app", () => {
    for (const bad of [undefined, null, "", "https://evil.example", "//evil.example", "/\\evil.example", "/a\nb", "x".repeat(10), "/" + "a".repeat(600)]) {
      expect(safeNextPath(bad)).toBe("/account");
    }
  });
});
