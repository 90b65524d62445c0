// Lint for the shape of the code (run by `npm run lint`): which folder may import which, and no
// import cycles between folders. ESLint's import rules see one file at a time; a folder cycle or a
// layer broken through a chain of files is only visible on the whole graph, which this builds.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

type Edge = { from: string; to: string; file: string; target: string; typeOnly: boolean };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? walk(full) : SOURCE.test(name) ? [full] : [];
  });
}

/** The unit of layering: lib/<folder> (a file directly in lib/ is its own unit), components, app. */
function unitOf(file: string): string | null {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === "lib") return rel.length > 2 ? `lib/${rel[1]}` : `lib/${rel[1].replace(SOURCE, "")}`;
  if (rel[0] === "components" || rel[0] === "app") return rel[0];
  return null;
}

function resolveImport(file: string, spec: string): string | null {
  if (spec.startsWith("@/")) return path.join(root, spec.slice(2));
  if (spec.startsWith(".")) return path.resolve(path.dirname(file), spec);
  return null;
}

export function collectEdges(): Edge[] {
  const files = ["lib", "components", "app"].flatMap((d) => walk(path.join(root, d)));
  const edges: Edge[] = [];
  for (const file of files) {
    const from = unitOf(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[3]);
      const to = target && unitOf(target);
      if (from && to && from !== to)
        edges.push({
          from,
          to,
          file: path.relative(root, file),
          target: path.relative(root, target),
          typeOnly: Boolean(match[2]),
        });
    }
  }
  return edges;
}

/** The ground: infrastructure every domain stands on. It never imports a domain. */
const GROUND = new Set([
  "lib/db",
  "lib/env",
  "lib/i18n",
  "lib/http",
  "lib/net",
  "lib/text",
  "lib/spreadsheet",
  "lib/vocabulary",
]);
const DATA_FILE = /(^|\/|-)(data|mutations)(\.ts)?$/;

export function layerViolations(edges: Edge[]): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const where = `${e.file} imports ${e.target}`;
    if (e.from.startsWith("lib/") && (e.to === "app" || e.to === "components"))
      problems.push(`${where}: lib/ never imports app/ or components/`);
    if (e.from === "components" && e.to === "app") problems.push(`${where}: components/ never import app/`);
    if (e.from === "components" && e.to.startsWith("lib/") && DATA_FILE.test(e.target) && !e.typeOnly)
      problems.push(`${where}: components import data and mutation files as types only (import type)`);
    if (GROUND.has(e.from) && e.to.startsWith("lib/") && !GROUND.has(e.to))
      problems.push(`${where}: ${e.from} is ground and never imports a domain (${e.to})`);
  }
  return problems;
}

/** Every cycle between lib/ folders, each as the chain of folders and one file per step. */
export function folderCycles(edges: Edge[]): string[] {
  const graph = new Map<string, Map<string, string>>();
  for (const e of edges.filter((e) => e.from.startsWith("lib/") && e.to.startsWith("lib/"))) {
    if (!graph.has(e.from)) graph.set(e.from, new Map());
    if (!graph.get(e.from)!.has(e.to)) graph.get(e.from)!.set(e.to, e.file);
  }
  const cycles = new Map<string, string>();
  const visit = (node: string, trail: string[]) => {
    for (const [next, file] of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) {
        const loop = [...trail.slice(at), next];
        const start = loop.slice(0, -1).reduce((a, b) => (a < b ? a : b));
        const i = loop.indexOf(start);
        const canonical = [...loop.slice(i, -1), ...loop.slice(0, i), start].join(" → ");
        if (!cycles.has(canonical)) cycles.set(canonical, file);
      } else if (trail.length < 12) visit(next, [...trail, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...cycles].map(([chain, file]) => `${chain} (e.g. ${file})`).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const edges = collectEdges();
  const problems = [...layerViolations(edges), ...folderCycles(edges).map((c) => `folder cycle: ${c}`)];
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`\n${problems.length} layering problem(s): see CODE_STYLE.md, "Layers".`);
    process.exit(1);
  }
  console.log(`Layers: ${edges.length} imports between folders, no violation, no cycle.`);
}
