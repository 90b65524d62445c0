// The search results' optional columns travel in the URL (cols=…): what each value shows.
import { describe, expect, it } from "vitest";
import { DEFAULT_HIDDEN, TOGGLEABLE_COLUMNS, visibleColumns } from "@/components/search/columns";

const shown = (cols: string | undefined) => TOGGLEABLE_COLUMNS.filter((c) => visibleColumns(cols)[c]);

describe("the search results' visible columns", () => {
  it("without cols, every optional column but source and tags", () => {
    expect(DEFAULT_HIDDEN).toEqual(["source", "tags"]);
    expect(shown(undefined)).toEqual(["code", "type", "status", "indicators", "translations"]);
  });

  it("cols names the columns shown, in the table's order; none shows only the question", () => {
    expect(shown("tags,code")).toEqual(["code", "tags"]);
    expect(shown("none")).toEqual([]);
    expect(shown("")).toEqual([]);
  });
});
