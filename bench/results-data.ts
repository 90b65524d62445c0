// A seeded KoboToolbox submissions export of a public template, as wide as a real one: the
// template's select questions at known frequencies (lib/results/synthetic.ts), a weight and a
// region, Kobo's own metadata columns (_id, _uuid, _submission_time…), and padding up to `columns`
// with what such exports hold besides: integers, free text, selects of other questions. Written
// line by line to a file, never held whole (the benchmark measures the upload's memory, not this).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom, type SyntheticVariable } from "../lib/results/synthetic";

const WORDS = "water clinic road market school far near family health nurse child rain price".split(" ");
const DISTRICTS = Array.from({ length: 40 }, (_, i) => `district_${i + 1}`);

type Pad = { header: string; value: (random: () => number, row: number) => string };

/** Columns beyond the questionnaire's: integers, text, other selects, cycling until the width. */
function padding(count: number): Pad[] {
  const kinds: ((i: number) => Pad)[] = [
    (i) => ({ header: `hh/size_${i}`, value: (r) => String(1 + Math.floor(r() * 12)) }),
    (i) => ({
      header: `notes/comment_${i}`,
      value: (r) =>
        r() < 0.4
          ? ""
          : Array.from({ length: 3 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(" "),
    }),
    (i) => ({ header: `extra/choice_${i}`, value: (r) => ["a", "b", "c", "d", "e", ""][Math.floor(r() * 6)] }),
    (i) => ({ header: `hh/age_${i}`, value: (r) => String(15 + Math.floor(r() * 75)) }),
  ];
  return Array.from({ length: Math.max(0, count) }, (_, i) => kinds[i % kinds.length](i));
}

const quote = (cell: string) => (/[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function pick(random: () => number, frequencies: Record<string, number>, total: number): string {
  let r = random() * total;
  for (const name in frequencies) if ((r -= frequencies[name]) < 0) return name;
  return "";
}

/** Writes the file; returns its header (the questionnaire's variables come after the metadata). */
export async function writeWideSubmissions(
  file: string,
  variables: readonly SyntheticVariable[],
  { rows, columns, seed }: { rows: number; columns: number; seed: number },
): Promise<{ headers: string[] }> {
  const random = seededRandom(seed);
  const meta = ["start", "end", "today", "deviceid"];
  const trailing = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_status",
    "_submitted_by",
    "__version__",
    "_index",
  ];
  const own = variables.map((v) => [...v.groups, v.name].join("/"));
  const pads = padding(columns - meta.length - own.length - 3 - trailing.length);
  const headers = [...meta, ...own, "weight", "region", "district", ...pads.map((p) => p.header), ...trailing];
  const totals = variables.map((v) => Object.values(v.frequencies).reduce((s, f) => s + f, 0));
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("\uFEFF" + headers.map(quote).join(";") + "\r\n");
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const time = new Date(Date.UTC(2026, 0, 1) + i * 37_000).toISOString();
    const cells = [time, time, time.slice(0, 10), `collect:${Math.floor(random() * 1e8)}`];
    variables.forEach((v, k) => cells.push(pick(random, v.frequencies, totals[k])));
    cells.push(String(Math.round((0.5 + random() * 1.5) * 1000) / 1000));
    cells.push(random() < 0.5 ? "north" : "south");
    cells.push(DISTRICTS[Math.floor(random() * DISTRICTS.length)]);
    for (const p of pads) cells.push(p.value(random, i));
    const uuid = `${(i * 2654435761).toString(16).padStart(8, "0")}-${Math.floor(random() * 1e12).toString(16)}`;
    cells.push(String(100000 + i), uuid, time, "", "submitted_via_web", "enumerator", "vGdXm8uQ", String(i + 1));
    batch.push(cells.map(quote).join(";"));
    if (batch.length === 1000) {
      await write(batch.join("\r\n") + "\r\n");
      batch = [];
    }
  }
  if (batch.length) await write(batch.join("\r\n") + "\r\n");
  out.end();
  await once(out, "finish");
  return { headers };
}
