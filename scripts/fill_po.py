"""Fill msgstr entries of a .po file from a Python dict file of {msgid: msgstr}.

Usage: python scripts/fill_po.py locale/th/LC_MESSAGES/django.po translations.py
Only empty msgstr entries are filled; existing translations are kept.
"""

import ast
import re
import sys
from pathlib import Path


def fill(po_path: str, mapping: dict[str, str]) -> int:
    text = Path(po_path).read_text(encoding="utf-8")
    filled = 0

    def replace(match):
        nonlocal filled
        lines = match.group(1).splitlines()
        msgid = "".join(ast.literal_eval(line) for line in lines)
        if msgid in mapping:
            filled += 1
            return f'msgid {match.group(1)}msgstr "{_escape(mapping[msgid])}"\n'
        return match.group(0)

    pattern = r'^msgid ((?:".*"\n)+)msgstr ""\n(?!")'
    text = re.sub(pattern, replace, text, flags=re.M)
    text = text.replace("#, fuzzy\n", "", 1)
    Path(po_path).write_text(text, encoding="utf-8")
    return filled


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


if __name__ == "__main__":
    mapping = ast.literal_eval(Path(sys.argv[2]).read_text(encoding="utf-8"))
    print(f"filled {fill(sys.argv[1], mapping)} entries")  # noqa: T201
