"""The Python half of bench/xlsform-corpus.ts: pyxform 4.5.0 (PYTHONPATH) run on many forms in one
process, because starting pyxform is the slow part.

Usage: python3 xlsform_corpus.py JOBS.json RESULT.json
JOBS.json: [{"src": ".../a.md", "dest": ".../form.xlsx"} | {"path": ".../form.xlsx"}, ...]
  src/dest: write the form as .xlsx at dest (a markdown table through pyxform's own
  md_table_to_workbook, an .xlsx or .xls copied as it is), then convert dest;
  path: convert that file.
RESULT.json: one entry per job, in order: {"ok": true, "xform", "raw", "warnings"} or
  {"ok": false, "error", "kind"} where kind is "refused" (a PyXFormError: pyxform says the form is
  not valid), "crashed" (any other exception inside pyxform) or "unreadable" (the source could not
  be turned into a spreadsheet).
The XForm's canonical form is the round-trip test's (tests/unit/xlsform-form/pyxform_xforms.py):
C14N without the primary instance's id attribute.
"""

import json
import os
import shutil
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "unit", "xlsform-form"))

from pyxform.errors import PyXFormError  # noqa: E402
from pyxform.xls2json_backends import md_table_to_workbook  # noqa: E402
from pyxform.xls2xform import convert  # noqa: E402
from pyxform_xforms import canonical  # noqa: E402


def prepare(src: str, dest: str) -> None:
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if src.endswith(".md"):
        with open(src, encoding="utf-8") as f:
            md_table_to_workbook(f.read()).save(dest)
    else:
        shutil.copyfile(src, dest)


def conversion(path: str) -> dict:
    try:
        result = convert(xlsform=path, validate=False, pretty_print=False)
        return {"ok": True, "xform": canonical(result.xform), "raw": result.xform, "warnings": result.warnings}
    except PyXFormError as error:
        return {"ok": False, "kind": "refused", "error": str(error)}
    except Exception as error:  # noqa: BLE001 - a crash inside pyxform is a finding, not the end of the batch
        tail = traceback.format_exc().strip().splitlines()[-3:]
        return {"ok": False, "kind": "crashed", "error": f"{type(error).__name__}: {error} | {' / '.join(tail)}"}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    out = []
    for job in jobs:
        if "src" in job:
            try:
                prepare(job["src"], job["dest"])
            except Exception as error:  # noqa: BLE001
                out.append({"ok": False, "kind": "unreadable", "error": f"{type(error).__name__}: {error}"})
                continue
            out.append(conversion(job["dest"]))
        else:
            out.append(conversion(job["path"]))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)


main()
