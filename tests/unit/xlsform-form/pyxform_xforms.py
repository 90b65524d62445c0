"""Converts XLSForms with pyxform and prints, for each, the XForm in a canonical form and pyxform's
warnings, or its error: the test helper compares an original form with our re-export of it.

Usage: python3 pyxform_xforms.py FILE [FILE...]   (PYTHONPATH must reach pyxform)
Canonical form: C14N 2.0 with whitespace-only text dropped, and without what legitimately differs
between two files of the same form: the primary instance's id attribute (the form id; instance ids
are generated on the device, not in the XForm). Everything else, the version included (names, types, labels and hints in every language,
itext, choices and their order, binds, body, groups, repeats, settings) is compared as is.
"""

import json
import sys
import xml.etree.ElementTree as ET

from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

XF = "{http://www.w3.org/2002/xforms}"


def canonical(xml: str) -> str:
    root = ET.fromstring(xml)
    for model in root.iter(XF + "model"):
        for instance in model.findall(XF + "instance"):
            if instance.get("id") is None:  # the primary instance
                for data in instance:
                    data.attrib.pop("id", None)
    return ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)


def main() -> None:
    out = []
    for path in sys.argv[1:]:
        try:
            result = convert(xlsform=path, validate=False, pretty_print=False)
            out.append({"ok": True, "xform": canonical(result.xform), "raw": result.xform, "warnings": result.warnings})
        except PyXFormError as error:
            out.append({"ok": False, "error": str(error)})
    print(json.dumps(out))


if __name__ == "__main__":  # bench/xlsform_corpus.py imports canonical()
    main()
