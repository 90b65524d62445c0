# Opens an .xlsx with openpyxl (an independent reader, the one pandas and many ODK helper scripts use)
# and prints what a person would check, as JSON: sheets, the survey's header, formula cells, cell values.
# Any warning is an error: a file openpyxl only half understands is not a file we ship.
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("error")
book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames, "formulas": [], "rows": {}}
for sheet in book:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    out["rows"][sheet.title] = rows
    out["formulas"] += [f"{sheet.title}!{cell.coordinate}" for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
print(json.dumps(out, ensure_ascii=False))
