// What the browser downloads on every page (the header's client components) and on the search
// page must not pull in zod: it weighed about 26 kB compressed on each of them (Lighthouse, issue
// 19); nor next-intl, about 11 kB (the researchers' bulk action, loaded on demand, excepted). The
// check follows value imports (not `import type`) from those entries through the project's own
// files and fails on any import of "zod" or of next-intl.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, resolveImport, root } from "./import-graph";

const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8"));
const entries = [
  ...readdirSync(path.join(root, "components/layout"))
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => `components/layout/${f}`),
  ...readdirSync(path.join(root, "components/search"))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `components/search/${f}`),
  "components/builder/AddSelectedToQuestionnaire.tsx",
  "components/builder/AddSelectedSlot.tsx",
].filter(isClient);

/** The packages reached from `file` through value imports, with the path that reached each. */
function packagesReached(file: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (current: string, trail: string[]) => {
    if (seen.has(current)) return;
    seen.add(current);
    const source = readFileSync(current, "utf8");
    // Server actions ("use server" modules) reach the browser as references, not as code.
    if (/^\s*["']use server["']/m.test(source.slice(0, 500))) return;
    for (const spec of importsOf(source)) {
      const next = resolveImport(current, spec);
      if (next) walk(next, [...trail, path.relative(root, next)]);
      else if (!spec.startsWith(".") && !spec.startsWith("@/") && !reached.has(spec)) reached.set(spec, trail);
    }
  };
  walk(path.join(root, file), [file]);
  return reached;
}

describe("client code on every page and on the search page", () => {
  it.each(entries)("%s does not import zod", (entry) => {
    const reached = packagesReached(entry);
    expect(reached.has("zod") ? reached.get("zod")!.join(" → ") : null).toBeNull();
  });

  it.each(entries.filter((e) => e !== "components/builder/AddSelectedToQuestionnaire.tsx"))(
    "%s does not import next-intl",
    (entry) => {
      const reached = [...packagesReached(entry)].filter(([spec]) => /^(next-intl|use-intl)(\/|$)/.test(spec));
      expect(reached.map(([spec, trail]) => `${spec}: ${trail.join(" → ")}`)).toEqual([]);
    },
  );

  it("follows imports through the project's files (it finds zod where it is)", () => {
    expect(entries).toContain("components/layout/LanguageLinks.tsx");
    expect(entries).toContain("components/search/Selection.tsx");
    expect(packagesReached("lib/search/schema.ts").has("zod")).toBe(true);
    expect(packagesReached("components/search/search-url.ts").has("zod")).toBe(false);
    expect(packagesReached("components/builder/AddSelectedToQuestionnaire.tsx").has("next-intl")).toBe(true);
  });
});
