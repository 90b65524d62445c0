// pyxform (the converter ODK Central and KoboToolbox run) as a test oracle: converts XLSForm files
// and returns each XForm in a canonical form (see pyxform_xforms.py), so that a test can say "our
// re-export converts to the same XForm as the original". Where /usr/bin/python3, Debian's
// openpyxl or the vendored pyxform are missing (a contributor's machine), `pyxformMissing` says why
// and the tests using it skip with that warning.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const PYTHON = "/usr/bin/python3";
const ROOT = path.resolve(import.meta.dirname, "../../..");
const CANDIDATES = [
  process.env.PYXFORM_PATH,
  path.resolve(ROOT, "../shared/vendor/pyxform-4.5.0"),
  path.resolve(ROOT, "../../shared/vendor/pyxform-4.5.0"),
  "/work/shared/vendor/pyxform-4.5.0",
].filter((p): p is string => !!p);
export const PYXFORM_PATH = CANDIDATES.find((p) => existsSync(path.join(p, "pyxform", "xls2xform.py"))) ?? null;

function missingReason(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!PYXFORM_PATH) return `pyxform-4.5.0 not found (looked in ${CANDIDATES.join(", ")}; set PYXFORM_PATH)`;
  const probe = spawnSync(PYTHON, ["-c", "import openpyxl, xlrd, defusedxml, lark; import pyxform.xls2xform"], {
    env: { ...process.env, PYTHONPATH: PYXFORM_PATH },
  });
  if (probe.status !== 0)
    return "pyxform's Debian dependencies are missing (apt-get install python3-openpyxl python3-xlrd python3-defusedxml python3-lark)";
  return null;
}
export const pyxformMissing = missingReason();
if (pyxformMissing) console.warn(`pyxform round-trip tests skipped: ${pyxformMissing}`);

export type Conversion = { ok: true; xform: string; raw: string; warnings: string[] } | { ok: false; error: string };

/** Converts each file with pyxform (one Python process); each file is written as form.xlsx in its own folder, so form names agree. */
export async function convertWithPyxform(files: Uint8Array[]): Promise<Conversion[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "qb-pyxform-"));
  try {
    const paths: string[] = [];
    for (const [i, bytes] of files.entries()) {
      await mkdir(path.join(dir, String(i)));
      const file = path.join(dir, String(i), "form.xlsx");
      await writeFile(file, bytes);
      paths.push(file);
    }
    const out = execFileSync(PYTHON, [path.join(import.meta.dirname, "pyxform_xforms.py"), ...paths], {
      encoding: "utf8",
      env: { ...process.env, PYTHONPATH: PYXFORM_PATH! },
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out) as Conversion[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a Python snippet with Debian's python3 (used to save a form with openpyxl). */
export function runPython(code: string, args: string[]): string {
  return execFileSync(PYTHON, ["-c", code, ...args], {
    encoding: "utf8",
    env: { ...process.env, PYTHONPATH: PYXFORM_PATH ?? "" },
  });
}
