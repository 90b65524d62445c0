// Issue #18's independent check: a corpus of XLSForms written by others, each imported through the
// running app and exported again, both files converted by pyxform 4.5.0; the two XForms must be
// the same (form id, instance ids and version aside). Also: forms pyxform refuses are refused by
// us too (or imported: reported), no refusal of a valid form, no 5xx, and the public bank's size
// the same before and after. See bench/README.md ("XLSForm corpus").
//
//   npm run corpus -- --dir DIR [--base-url URL] [--email E --password P] [--out report.json] [--limit N]
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { signIn } from "./export-import";
import { bankSize, exportForm, importForm, modelRoundTrip, type ImportAnswer } from "./xlsform-corpus-http";
import {
  categoryOf,
  firstDifference,
  pyxformRow,
  speaksOfNamesElsewhere,
  summarise,
  summaryTable,
  unifiedDiff,
  xformLines,
  type FormResult,
} from "./xlsform-corpus-report";

const PYTHON = "/usr/bin/python3";
const HELPER = path.join(import.meta.dirname, "xlsform_corpus.py");
const PYXFORM =
  [
    process.env.PYXFORM_PATH,
    path.resolve(import.meta.dirname, "../../shared/vendor/pyxform-4.5.0"),
    "/work/shared/vendor/pyxform-4.5.0",
  ]
    .filter((p): p is string => !!p)
    .find((p) => existsSync(path.join(p, "pyxform", "xls2xform.py"))) ?? null;
/** Forms per Python process: one crash or hang costs at most this many. */
const BATCH = 150;

type Conversion =
  { ok: true; xform: string; raw: string; warnings: string[] } | { ok: false; kind: string; error: string };
type Job = { src: string; dest: string } | { path: string };

const { values: args } = parseArgs({
  options: {
    dir: { type: "string" },
    "base-url": { type: "string", default: "http://127.0.0.1:3000" },
    email: { type: "string", default: "researcher@demo.questionbank.org" },
    password: { type: "string", default: "researcher-demo" },
    out: { type: "string", default: "bench/data/xlsform-corpus/report.json" },
    limit: { type: "string" },
    offline: { type: "boolean", default: false },
  },
});

/** pyxform on many files, BATCH per process; a batch that fails as a whole marks its forms "crashed". */
async function convert(jobs: Job[], workDir: string): Promise<Conversion[]> {
  const out: Conversion[] = [];
  for (let start = 0; start < jobs.length; start += BATCH) {
    const batch = jobs.slice(start, start + BATCH);
    const jobsFile = path.join(workDir, `jobs-${start}.json`);
    const resultFile = path.join(workDir, `result-${start}.json`);
    await writeFile(jobsFile, JSON.stringify(batch));
    try {
      execFileSync(PYTHON, [HELPER, jobsFile, resultFile], {
        // pyxform fills a missing translation's hint and guidance_hint in set order, which
        // changes with Python's string hashing from one process to the next: one seed for all.
        env: { ...process.env, PYTHONPATH: PYXFORM!, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
        stdio: ["ignore", "ignore", "pipe"],
        timeout: 30 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      out.push(...(JSON.parse(await readFile(resultFile, "utf8")) as Conversion[]));
    } catch (error) {
      const message = `the pyxform batch failed: ${String(error).slice(0, 500)}`;
      out.push(...batch.map((): Conversion => ({ ok: false, kind: "crashed", error: message })));
    } finally {
      await rm(jobsFile, { force: true });
      await rm(resultFile, { force: true });
    }
    console.error(`pyxform: ${Math.min(start + BATCH, jobs.length)}/${jobs.length}`);
  }
  return out;
}

async function corpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|xlsx|xls)$/i.test(e.name) && !/^readme\.md$/i.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** MANIFEST.tsv, if the corpus has one: its rows by their `file` column, attached to each result. */
async function manifest(dir: string): Promise<Map<string, Record<string, string>>> {
  const file = path.join(dir, "MANIFEST.tsv");
  if (!existsSync(file)) return new Map();
  const [header, ...lines] = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  const keys = header.split("\t");
  const rows = lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [keys[i], v])));
  return new Map(rows.map((r) => [r.file, r]));
}

const importRecord = (a: ImportAnswer): NonNullable<FormResult["import"]> =>
  a.kind === "imported"
    ? { status: a.status, ms: a.ms, notices: a.notices }
    : a.kind === "refused"
      ? { status: a.status, ms: a.ms, code: a.code, message: a.message, errors: a.errors }
      : { status: a.status, ms: a.ms, message: a.message };

async function main() {
  if (!args.dir) throw new Error("--dir DIR is required (a folder of .md, .xlsx or .xls XLSForms)");
  if (!PYXFORM) throw new Error("pyxform-4.5.0 not found: set PYXFORM_PATH");
  const base = args["base-url"]!.replace(/\/$/, "");
  const outFile = path.resolve(args.out!);
  const outDir = outFile.replace(/\.json$/, "") + "-forms";
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  let files = await corpusFiles(args.dir);
  if (args.limit) files = files.slice(0, Number(args.limit));
  const folders = files.map((f, i) =>
    path.join(outDir, `${String(i).padStart(4, "0")}-${f.replace(/[^\w.-]+/g, "_")}`),
  );
  // The original keeps its own name (pyxform titles a form without form_title or form_id by it);
  // the export is saved under the same name, so that only the form itself can differ.
  const stem = (f: string) => path.basename(f).replace(/\.[^.]*$/, "");
  const xlsxName = (f: string) => `${stem(f)}.xlsx`;
  const originals = files.map((f, i) =>
    path.join(folders[i], "original", /\.xls$/i.test(f) ? path.basename(f) : xlsxName(f)),
  );

  console.error(`${files.length} forms from ${args.dir}; converting the originals with pyxform…`);
  const before = await convert(
    files.map((f, i) => ({ src: path.join(args.dir!, f), dest: originals[i] })),
    outDir,
  );

  const about = await manifest(args.dir);
  const offline = args.offline!;
  const cookie = offline ? "" : await signIn(base, args.email!, args.password!);
  const noBank = { total: 0, estimated: false };
  const bankBefore = offline ? noBank : await bankSize(base);
  const results: FormResult[] = [];
  const toCompare: { result: FormResult; exportPath: string; original: Conversion }[] = [];
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const original = before[i];
    const result: FormResult = {
      file,
      ...(about.has(file) ? { manifest: about.get(file) } : {}),
      folder: path.relative(path.dirname(outFile), folders[i]),
      outcome: "unreadable",
      pyxform: original.ok
        ? { ok: true, warnings: original.warnings }
        : { ok: false, kind: original.kind, error: original.error },
    };
    results.push(result);
    if (!original.ok && original.kind === "unreadable") continue;
    const bytes = new Uint8Array(await readFile(originals[i]));
    const viaModel = offline ? await modelRoundTrip(bytes) : null;
    const answer = viaModel ? viaModel.answer : await importForm(base, cookie, bytes, path.basename(originals[i]));
    result.import = importRecord(answer);
    if (answer.kind === "refused") {
      const texts = [answer.message, ...answer.errors.map((e) => `${e.message ?? ""} ${e.code}`)];
      result.namesElsewhere = original.ok && speaksOfNamesElsewhere(texts);
      if (!original.ok) {
        const row = pyxformRow(original.error);
        result.rowDisagrees = row !== null && answer.errors[0]?.row !== row;
      }
    }
    if (!original.ok) {
      result.outcome =
        answer.kind === "refused"
          ? "invalid_refused"
          : answer.kind === "imported"
            ? "invalid_imported"
            : "invalid_server_error";
      // Imported anyway: does the export say so, or hand out a file pyxform refuses?
      if (answer.kind === "imported" && !viaModel) {
        const exported = await exportForm(base, cookie, answer.xlsform);
        result.export = exported.ok ? { status: 200 } : { status: exported.status, message: exported.message };
        if (!exported.ok && (exported.status >= 500 || exported.status === 0)) result.outcome = "invalid_server_error";
      }
      continue;
    }
    if (answer.kind !== "imported") {
      result.outcome = answer.kind === "refused" ? "refused" : "server_error";
      continue;
    }
    const exported = viaModel?.exported
      ? { ok: true as const, bytes: viaModel.exported }
      : await exportForm(base, cookie, answer.xlsform);
    if (!exported.ok) {
      result.export = { status: exported.status, message: exported.message };
      result.outcome = exported.status >= 500 || exported.status === 0 ? "server_error" : "export_failed";
      continue;
    }
    result.export = { status: 200 };
    const exportPath = path.join(folders[i], "export", xlsxName(file));
    await mkdir(path.dirname(exportPath), { recursive: true });
    await writeFile(exportPath, exported.bytes);
    toCompare.push({ result, exportPath, original });
    if ((i + 1) % 50 === 0) console.error(`imported and exported ${i + 1}/${files.length}`);
  }
  const httpSeconds = Math.round((performance.now() - t0) / 1000);
  const bankAfter = offline ? noBank : await bankSize(base);

  console.error(`converting ${toCompare.length} exports with pyxform…`);
  const after = await convert(
    toCompare.map((c) => ({ path: c.exportPath })),
    outDir,
  );
  for (const [j, { result, original }] of toCompare.entries()) {
    const exported = after[j];
    if (!original.ok) continue;
    if (!exported.ok) {
      result.outcome = "export_invalid";
      result.exportPyxform = { ok: false, error: exported.error };
      continue;
    }
    result.exportPyxform = { ok: true, warnings: exported.warnings };
    result.warningsDiffer = JSON.stringify(exported.warnings) !== JSON.stringify(original.warnings);
    const a = xformLines(original.xform);
    const b = xformLines(exported.xform);
    if (a.join("\n") === b.join("\n")) {
      result.outcome = "equivalent";
      continue;
    }
    result.outcome = "differs";
    result.firstDifference = firstDifference(a, b);
    result.category = categoryOf(result.firstDifference);
    const folder = path.join(path.dirname(outFile), result.folder);
    await writeFile(path.join(folder, "original.xml"), a.join("\n") + "\n");
    await writeFile(path.join(folder, "export.xml"), b.join("\n") + "\n");
    await writeFile(path.join(folder, "diff.patch"), unifiedDiff(a.join("\n") + "\n", b.join("\n") + "\n"));
  }

  const summary = summarise(results);
  const bank = { before: bankBefore.total, after: bankAfter.total };
  await writeFile(
    outFile,
    JSON.stringify(
      {
        ranAt: new Date().toISOString(),
        dir: path.resolve(args.dir),
        baseUrl: offline ? "offline" : base,
        httpSeconds,
        bank,
        summary,
        results,
      },
      null,
      1,
    ),
  );
  console.log(summaryTable(summary, bank));
  console.log(`\n${httpSeconds} s of imports and exports; report: ${outFile}; XForms and diffs: ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
