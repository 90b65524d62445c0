// Which packages and files a browser chunk's bytes come from, read from its source map (plain or
// Turbopack's sectioned "index map"): each mapping owns the characters up to the next mapping on
// its line. Characters, not bytes: minified chunks are ASCII but for a few strings. Used by
// bench/page-javascript.ts.

type BasicMap = { sources: string[]; mappings: string };
type IndexMap = { sections: { offset: { line: number; column: number }; map: BasicMap | IndexMap }[] };

export type Attribution = {
  totalChars: number;
  /** by package (node_modules) or project file, largest first; "(unmapped)" for what no mapping covers */
  groups: { name: string; chars: number }[];
};

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** The numbers of one VLQ segment ("AAgBC" → [0, 0, 16, 1]). */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`not base64 VLQ: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** A mapping's start in the generated chunk and its source (null: mapped to no source). */
type Point = { line: number; column: number; source: string | null };

function collect(map: BasicMap | IndexMap, line0: number, column0: number, into: Point[]) {
  if ("sections" in map) {
    for (const section of map.sections)
      collect(
        section.map,
        line0 + section.offset.line,
        section.offset.line === 0 ? column0 + section.offset.column : section.offset.column,
        into,
      );
    return;
  }
  let sourceIndex = 0;
  map.mappings.split(";").forEach((lineText, lineOffset) => {
    let column = 0;
    for (const segment of lineText.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0];
      if (fields.length >= 4) sourceIndex += fields[1];
      // The first generated line of a section starts at the section's column.
      const start = lineOffset === 0 ? column0 + column : column;
      into.push({
        line: line0 + lineOffset,
        column: start,
        source: fields.length >= 4 ? map.sources[sourceIndex] : null,
      });
    }
  });
}

/** "…/node_modules/@scope/pkg/dist/x.js" → "@scope/pkg"; Next's bundled copies of React named as such. */
export function originOf(source: string): string {
  const clean = source
    .replace(/^turbopack:\/\/\/?/, "")
    .replace(/^\[project\]\//, "")
    .replace(/\?.*$/, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm < 0) return clean.replace(/^\.\//, "");
  const rest = clean.slice(nm + "node_modules/".length).split("/");
  const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  const inner = rest.slice(rest[0].startsWith("@") ? 2 : 1);
  if (pkg === "next" && inner[0] === "dist" && inner[1] === "compiled") return `${inner[2]} (next/dist/compiled)`;
  if (pkg === "next" && inner[0] === "dist")
    return `next/dist/${inner[1]}${inner[1] === "client" || inner[1] === "shared" ? `/${inner[2] ?? ""}` : ""}`;
  return pkg;
}

export function attributeChunk(code: string, mapText: string): Attribution {
  const points: Point[] = [];
  collect(JSON.parse(mapText) as BasicMap | IndexMap, 0, 0, points);
  points.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = code.split("\n");
  const totals = new Map<string, number>();
  const add = (name: string, chars: number) => chars > 0 && totals.set(name, (totals.get(name) ?? 0) + chars);
  let mapped = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const next = points[i + 1];
    const end = next && next.line === p.line ? next.column : (lines[p.line]?.length ?? p.column);
    const chars = Math.max(0, end - p.column);
    mapped += chars;
    add(p.source === null ? "(unmapped)" : originOf(p.source), chars);
  }
  add("(unmapped)", code.length - mapped);
  return {
    totalChars: code.length,
    groups: [...totals].map(([name, chars]) => ({ name, chars })).sort((a, b) => b.chars - a.chars),
  };
}
