// The project's own imports, as the bundle checks follow them (client-bundle-imports,
// client-messages): value imports only (`import type` reaches no bundle), resolved through the `@/`
// alias and relative paths to a .ts/.tsx file; a package import resolves to null.
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && /\.tsx?$/.test(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** The specifiers of a source file's value imports and re-exports. */
export const importsOf = (source: string): string[] =>
  [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
