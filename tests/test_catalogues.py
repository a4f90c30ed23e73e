"""Thai first: every Thai catalogue is complete, and nothing fuzzy hides a translation.

Django skips fuzzy entries, so a fuzzy or empty msgstr shows English to a Thai
reader. Thai has one plural form, so a second msgstr[n] is an error to msgfmt.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/th/LC_MESSAGES/django.po") if ".venv" not in p.parts
)
ENTRY = re.compile(r"(?:^#.*\n)*^msgid .*(?:\n^(?:msgid_plural|msgstr|\").*)*", re.M)


def _entries(path: Path):
    for block in ENTRY.findall(path.read_text(encoding="utf-8")):
        if block.startswith("#~") or 'msgid ""\nmsgstr ""\n"Project-Id' in block:
            continue
        yield block


def test_there_are_thai_catalogues():
    names = {p.relative_to(ROOT).parts[0] for p in CATALOGUES}
    assert {"locale", "assignments", "cohorts", "certificates", "attendance"} <= names


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_thai_entry_is_translated_and_not_fuzzy(path):
    problems = []
    for block in _entries(path):
        msgid = re.search(r'^msgid "(.*)"', block, re.M).group(1)
        if msgid == "" and "Project-Id-Version" in block:
            continue
        strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.M)
        text = "".join(re.findall(r'"(.*)"', "".join(strings)))
        if "#, fuzzy" in block or not text:
            problems.append(block.splitlines()[-1] if not text else block)
        if re.search(r"^msgstr\[[1-9]\]", block, re.M):
            problems.append(f"second plural form: {msgid}")
    assert not problems, "\n\n".join(problems)
