// Each area of the site passes its client components only some namespaces of the messages, and the
// frame none (lib/i18n/client-messages.ts). A client component that reads a namespace its area does
// not pass shows the key instead of the text, and one that uses next-intl where no provider is
// fails, so this follows the imports from each area's route files (app/[locale]/<area>/**) and from
// the frame (the locale layout, its error and not-found pages, the global ones) into their client
// components and checks what they read.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AREA_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import en from "@/messages/en.json";
import { importsOf, resolveImport, root } from "./import-graph";

const localeDir = path.join(root, "app/[locale]");
const topLevel = new Set(Object.keys(en));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

/** The modules a file loads on demand: import("./X") (next/dynamic). */
const dynamicImportsOf = (source: string): string[] =>
  [...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

type ClientReads = {
  /** Namespaces read by client code, each with the client file that reads it */
  needed: Map<string, string>;
  /** Client files loaded with the page (not on demand) that import next-intl */
  intl: string[];
};

/** What client code reached from `entries` reads of the messages, and where it uses next-intl. */
function clientReads(entries: string[]): ClientReads {
  const needed = new Map<string, string>();
  const intl = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean, onDemand = false) => {
    const key = `${file}|${client}|${onDemand}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    if (/^\s*["']use server["']/m.test(source.slice(0, 500))) return;
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient && !onDemand && /from\s+["'](?:next-intl|use-intl)["']/.test(source))
      intl.add(path.relative(root, file));
    if (isClient) {
      for (const [, ns] of source.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g))
        needed.set(ns, path.relative(root, file));
      // useTranslations() with no namespace: the keys it is given are full paths, written as
      // literals here or in what this file imports ("translate.fields.label").
      if (/useTranslations\(\s*\)/.test(source))
        for (const ns of literalNamespaces(file)) needed.set(ns, path.relative(root, file));
    }
    for (const spec of importsOf(source)) {
      const next = resolveImport(file, spec);
      if (next) walk(next, isClient, onDemand);
    }
    for (const spec of dynamicImportsOf(source)) {
      const next = resolveImport(file, spec);
      if (next) walk(next, isClient, true);
    }
  };
  for (const entry of entries) walk(entry, false);
  return { needed, intl: [...intl] };
}

const clientNamespaces = (entries: string[]) => clientReads(entries).needed;

function literalNamespaces(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, ns] of source.matchAll(/["'`]([a-z][A-Za-z]*)\.[A-Za-z${}.]+["'`]/g))
    if (topLevel.has(ns)) found.add(ns);
  for (const spec of importsOf(source)) {
    const next = resolveImport(file, spec);
    if (next) for (const ns of literalNamespaces(next, seen)) found.add(ns);
  }
  return found;
}

const covered = (ns: string, given: readonly string[]) => given.some((g) => ns === g || ns.startsWith(`${g}.`));
const missing = (needed: Map<string, string>, given: readonly string[]) =>
  [...needed].filter(([ns]) => !covered(ns, given)).map(([ns, file]) => `${ns} (read by ${file})`);

const areas = readdirSync(localeDir).filter((name) => statSync(path.join(localeDir, name)).isDirectory());
const frameEntries = [
  ...readdirSync(localeDir)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(localeDir, name)),
  ...["global-error.tsx", "global-not-found.tsx"].map((name) => path.join(root, "app", name)),
];

const hasAreaMessages = (area: string) => {
  const layout = path.join(localeDir, area, "layout.tsx");
  return existsSync(layout) && readFileSync(layout, "utf8").includes(`<AreaMessages area="${area}"`);
};

describe("messages given to client components", () => {
  it("the frame's client code needs no messages and no next-intl (it has no provider)", () => {
    const frame = clientReads(frameEntries);
    expect([...frame.needed.keys()]).toEqual([]);
    expect(frame.intl).toEqual([]);
  });

  it.each(areas)("app/[locale]/%s passes what its client components read", (area) => {
    const given = (AREA_NAMESPACES as Record<string, readonly string[]>)[area] ?? [];
    const { needed, intl } = clientReads(filesUnder(path.join(localeDir, area)));
    expect(missing(needed, given)).toEqual([]);
    // Client code loaded with the area's pages that uses next-intl needs the area's provider; code
    // loaded on demand (the search page's bulk action) brings its own.
    if (intl.length > 0) expect({ area, wrapped: hasAreaMessages(area) }).toEqual({ area, wrapped: true });
  });

  it("the search page loads no next-intl with the page, only with the researchers' bulk action", () => {
    const search = clientReads(filesUnder(path.join(localeDir, "search")));
    expect(search.intl).toEqual([]);
    expect(hasAreaMessages("search")).toBe(false);
    expect(search.needed.get("builder.addTo")).toBe("components/builder/AddToQuestionnaire.tsx");
  });

  it("every area named in the table exists and every namespace is in the messages", () => {
    for (const [area, namespaces] of Object.entries(AREA_NAMESPACES)) {
      expect(areas).toContain(area);
      for (const ns of namespaces) expect(Object.keys(pickMessages(en, [ns]))).toEqual([ns.split(".")[0]]);
    }
  });

  it("finds client reads where they are (a known one)", () => {
    const needed = clientNamespaces(filesUnder(path.join(localeDir, "translate")));
    expect(needed.get("translate")).toMatch(/^components\/translate\//);
  });
});

describe("pickMessages", () => {
  const messages = { a: { b: { c: "x" }, d: "y" }, e: "z" };
  it("keeps the named namespaces, nested ones too, and nothing else", () => {
    expect(pickMessages(messages, ["a.b"])).toEqual({ a: { b: { c: "x" } } });
    expect(pickMessages(messages, ["e", "a.d"])).toEqual({ e: "z", a: { d: "y" } });
    expect(pickMessages(messages, ["a.b", "a"])).toEqual({ a: { b: { c: "x" }, d: "y" } });
    expect(messages).toEqual({ a: { b: { c: "x" }, d: "y" }, e: "z" });
    expect(pickMessages(messages, ["missing", "a.missing"])).toEqual({ a: {} });
  });
});
