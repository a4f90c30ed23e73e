"""Thai first: every Thai catalogue is complete, and nothing fuzzy hides a translation.

Django skips fuzzy entries, so a fuzzy or empty msgstr shows English to a Thai
reader. Thai has one plural form, so a second msgstr[n] is an error to msgfmt.

Django also merges every catalogue into one table per language (LOCALE_PATHS
first, then INSTALLED_APPS order), so a string two catalogues translate
differently shows the first one's wording in both apps.
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/th/LC_MESSAGES/django.po") if ".venv" not in p.parts
)
ENTRY = re.compile(
    r"(?:^#.*\n)*(?:^msgctxt .*\n(?:^\".*\n)*)?^msgid .*(?:\n^(?:msgid_plural|msgstr|\").*)*", re.M
)


def _entries(path: Path):
    for block in ENTRY.findall(path.read_text(encoding="utf-8")):
        if block.startswith("#~") or 'msgid ""\nmsgstr ""\n"Project-Id' in block:
            continue
        yield block


def _field(block: str, name: str) -> str | None:
    """The text of a field (msgctxt, msgid, msgstr[0]...), its continuation lines joined."""
    match = re.search(rf'^{name} ((?:".*"\n?)+)', block + "\n", re.M)
    return "".join(re.findall(r'"(.*)"', match.group(1))) if match else None


def _translations(path: Path) -> dict[tuple[str | None, str], str]:
    """{(msgctxt, msgid): msgstr} as Django loads it: fuzzy and empty entries skipped."""
    found = {}
    for block in _entries(path):
        text = _field(block, r"msgstr(?:\[0\])?")
        if "#, fuzzy" not in block and text:
            found[(_field(block, "msgctxt"), _field(block, "msgid"))] = text
    return found


def _by_msgid(item):
    (context, msgid), _ = item
    return msgid, context or ""


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


def test_no_two_thai_catalogues_translate_a_string_differently():
    wordings = defaultdict(dict)
    for path in CATALOGUES:
        for key, text in _translations(path).items():
            wordings[key][str(path.relative_to(ROOT))] = text
    conflicts = [
        f"{msgid!r}"
        + (f" (msgctxt {context!r})" if context else "")
        + ":\n"
        + "\n".join(f"    {name}: {text}" for name, text in sorted(by_file.items()))
        for (context, msgid), by_file in sorted(wordings.items(), key=_by_msgid)
        if len(set(by_file.values())) > 1
    ]
    if conflicts:
        pytest.fail(
            f"{len(conflicts)} strings are translated differently by Thai catalogues, but Django "
            "shows one wording everywhere. Use one wording, or give the source strings a context "
            "(pgettext_lazy / {% translate ... context ... %}) and msgctxt entries:\n"
            + "\n".join(conflicts),
            pytrace=False,
        )
