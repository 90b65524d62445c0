// The builder's bank search input (lib/builder/bank-search-schema.ts): the search page's own rules
// for the words, the domain and the answer type; the questionnaire named; pages bounded.
import { describe, expect, it } from "vitest";
import { bankSearchSchema } from "@/lib/builder/bank-search-schema";
import { MAX_QUERY_LENGTH } from "@/lib/search/schema";

const parse = (input: Record<string, unknown>) => bankSearchSchema.safeParse({ questionnaireId: "q1", ...input });

describe("bank search input", () => {
  it("trims the words, upper-cases the domain, drops empty filters and starts on page 1", () => {
    const parsed = parse({ q: "  vaccine ", domain: " per ", type: "", page: undefined, extra: "ignored" });
    expect(parsed.success && parsed.data).toEqual({ questionnaireId: "q1", q: "vaccine", domain: "PER", page: 1 });
  });

  it("takes a page as a number or digits, within bounds", () => {
    expect(parse({ q: "", page: "3" }).data?.page).toBe(3);
    for (const page of [0, -1, 1.5, 10_001, "two"]) expect(parse({ q: "", page }).success, String(page)).toBe(false);
  });

  it("refuses over-long words, unknown answer types, malformed domains and a missing questionnaire", () => {
    expect(parse({ q: "x".repeat(MAX_QUERY_LENGTH) }).success).toBe(true);
    const refused = [
      { q: "x".repeat(MAX_QUERY_LENGTH + 1) },
      { q: "", type: "select_many" },
      { q: "", domain: "P'R" },
      { q: "", domain: "x".repeat(40) },
      { q: "", questionnaireId: "" },
      { q: "", questionnaireId: "x".repeat(101) },
      { q: "", locale: "de" },
    ];
    for (const input of refused) expect(parse(input).success, JSON.stringify(input).slice(0, 60)).toBe(false);
  });
});
