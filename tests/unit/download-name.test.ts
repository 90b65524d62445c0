import { describe, expect, it } from "vitest";
import { attachmentHeader } from "@/lib/export/filename";
import { fileNameFromDisposition } from "@/lib/export/download-name";

describe("the file name of a fetched download", () => {
  it("reads back what the export endpoint writes, Arabic and accents included", () => {
    for (const name of ["Évaluation rapide : vaccins", "تقييم سريع", "vaccine-acceptance-rapid-assessment"]) {
      const header = attachmentHeader({ name, asciiFallback: "fallback", extension: "xlsx" });
      expect(fileNameFromDisposition(header)).toBe(`${name.replace(":", " ").replace(/\s+/g, " ")}.xlsx`);
    }
  });
  it("falls back to the plain name, and never returns a path", () => {
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\".csv"')).toBe('a "b".csv');
    expect(fileNameFromDisposition("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd")).toBe(".. .. etc passwd");
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A; filename=ok.csv")).toBe("ok.csv");
    expect(fileNameFromDisposition("attachment")).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
