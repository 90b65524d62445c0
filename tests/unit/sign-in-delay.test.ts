import { describe, expect, it } from "vitest";
import { CEILING_SECONDS, delaySeconds, FREE_ATTEMPTS } from "@/lib/auth/sign-in-delay";

describe("progressive sign-in delays", () => {
  it("lets the first attempts through, then doubles the wait up to a ceiling", () => {
    for (let n = 0; n < FREE_ATTEMPTS; n++) expect(delaySeconds(n)).toBe(0);
    expect([5, 6, 7, 8].map(delaySeconds)).toEqual([1, 2, 4, 8]);
    expect(delaySeconds(14)).toBe(512);
    expect(delaySeconds(15)).toBe(CEILING_SECONDS);
    expect(delaySeconds(1_000_000)).toBe(CEILING_SECONDS);
  });
});
