"""Thai first: every Thai catalogue is complete, and nothing fuzzy hides a translation.

Django skips fuzzy entries, so a fuzzy or empty msgstr shows English to a Thai
reader. Thai has one plural form, so a second msgstr[n] is an error to msgfmt.

Django also merges every catalogue into one table per language (LOCALE_PATHS
first, then INSTALLED_APPS order), so a string two catalogues translate
differently shows the first one's wording in both apps.

And every string our code marks for translation must be in one of our Thai
catalogues: one added to a template or a module without its entry shows English
to Thai readers, and nothing else fails. The strings are found the way
makemessages finds them (templates through Django's templatize, then xgettext
with makemessages' keywords), in one xgettext run rather than makemessages
itself, which also rewrites every catalogue. A string used with a count needs a
plural entry: Django's ngettext does not read a singular one. Django's, Wagtail's
and allauth's own Thai catalogues are not counted: their wording is not ours and
changes when they are upgraded.

config/locale/ is the exception that proves the rule: Thai for strings of those
packages that their catalogues leave in English. It must hold their strings only,
copied exactly, and none of ours.
"""

import functools
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import allauth
import pytest

import django
from django.apps import apps
from django.conf import settings
from django.utils.translation import templatize

import wagtail

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/th/LC_MESSAGES/django.po") if ".venv" not in p.parts
)
# Thai for other packages' strings (Wagtail, allauth, Django), apart from ours.
THIRD_PARTY = ROOT / "config" / "locale"
THIRD_PARTY_CATALOGUES = sorted(THIRD_PARTY.glob("th/LC_MESSAGES/*.po"))
OUR_CATALOGUES = [p for p in CATALOGUES if not p.is_relative_to(THIRD_PARTY)]
ENTRY = re.compile(
    r"(?:^#.*\n)*(?:^msgctxt .*\n(?:^\".*\n)*)?^msgid .*(?:\n^(?:msgid_plural|msgstr|\").*)*", re.M
)


def _entries(path: Path):
    yield from _blocks(path.read_text(encoding="utf-8"))


def _blocks(text: str):
    for block in ENTRY.findall(text):
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


@pytest.mark.parametrize(
    "path", sorted({*CATALOGUES, *THIRD_PARTY_CATALOGUES}), ids=lambda p: str(p.relative_to(ROOT))
)
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


# What makemessages passes xgettext for the "django" domain (Django 5.2,
# makemessages.Command.process_locale_dir); xgettext itself knows gettext,
# ngettext and _. The extensions are makemessages' defaults.
XGETTEXT_OPTIONS = [
    "--language=Python",
    "--from-code=UTF-8",
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]
EXTENSIONS = {".py", ".html", ".txt"}


def _our_sources() -> list[Path]:
    """Our apps, config and the project templates; not migrations, not installed packages."""
    roots = {Path(app.path).resolve() for app in apps.get_app_configs()}
    roots = {root for root in roots if root.parent == ROOT} | {ROOT / "config"}
    roots.update(
        Path(path).resolve() for engine in settings.TEMPLATES for path in engine.get("DIRS", [])
    )
    return sorted(
        {
            path
            for root in roots
            for path in root.rglob("*")
            if path.suffix in EXTENSIONS
            and not {"migrations", "__pycache__"} & set(path.parts)
            and not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
        }
    )


def _xgettext_input(path: Path, work: str) -> str:
    """The name xgettext reads a source file under: a template is first turned into Python by
    templatize, as makemessages does, and written to the scratch directory."""
    name = str(path.relative_to(ROOT))
    if path.suffix == ".py":
        return name
    Path(work, name).parent.mkdir(parents=True, exist_ok=True)
    text = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    Path(work, f"{name}.py").write_text(text, encoding="utf-8")
    return f"{name}.py"


def _extract(sources: list[Path]) -> str:
    """The .pot xgettext writes for these files, in one run."""
    xgettext = shutil.which("xgettext")
    if not xgettext:
        pytest.fail("xgettext not found: install gettext (make system-packages)", pytrace=False)
    with tempfile.TemporaryDirectory() as work:
        names = [_xgettext_input(path, work) for path in sources]
        Path(work, "files").write_text("\n".join(names), encoding="utf-8")
        result = subprocess.run(
            [xgettext, *XGETTEXT_OPTIONS, f"--directory={work}", f"--directory={ROOT}"]
            + [f"--files-from={work}/files", "--output=-"],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    # Name the templates rather than their Python stand-ins, as makemessages does.
    return re.sub(
        r"(?m)^(#: .*)", lambda refs: re.sub(r"\.(html|txt)\.py:", r".\1:", refs[1]), result.stdout
    )


@functools.cache
def _our_strings() -> str:
    """What xgettext extracts from our sources: run once for the tests that need it."""
    return _extract(_our_sources())


def _thai_strings() -> dict[tuple[str | None, str], bool]:
    """{(msgctxt, msgid): whether it has plural forms} for what the Thai catalogues translate."""
    found = {}
    for path in OUR_CATALOGUES:
        translated = _translations(path)
        for block in _entries(path):
            key = (_field(block, "msgctxt"), _field(block, "msgid"))
            if key in translated:
                found[key] = found.get(key) or _field(block, "msgid_plural") is not None
    return found


def _catalogue_for(reference: str) -> str:
    """The app's catalogue for its code and templates/<app>/; the project's for the rest."""
    parts = Path(reference.rsplit(":", 1)[0]).parts
    app = parts[1] if parts[0] == "templates" and len(parts) > 2 else parts[0]
    has_own = app != "config" and (ROOT / app / "locale").is_dir()
    locale = Path(app, "locale") if has_own else Path("locale")
    return str(locale / "th" / "LC_MESSAGES" / "django.po")


def test_our_sources_are_our_apps_config_and_templates():
    names = {path.relative_to(ROOT).parts[0] for path in _our_sources()}
    assert {"config", "templates", "accounts", "certificates", "cohorts"} <= names
    assert not names & {".venv", "tests", "locale"}


def test_every_string_our_code_translates_has_a_thai_translation():
    thai = _thai_strings()
    missing = []
    for block in _blocks(_our_strings()):
        context, msgid = _field(block, "msgctxt"), _field(block, "msgid")
        is_plural = _field(block, "msgid_plural") is not None
        if (context, msgid) not in thai:
            problem = "no Thai translation"
        elif is_plural and not thai[(context, msgid)]:
            problem = "used with a count, but the Thai entry has no msgid_plural"
        else:
            continue
        references = " ".join(re.findall(r"^#: (.*)", block, re.M)).split()
        missing.append(
            f"{msgid!r}"
            + (f" (msgctxt {context!r})" if context else "")
            + f": {problem}\n    used in {', '.join(references)}"
            + f"\n    belongs in {_catalogue_for(references[0])}"
        )
    if missing:
        pytest.fail(
            f"{len(missing)} strings our code translates are not in the Thai catalogues, so Thai "
            "readers see them in English. Add each to the catalogue named, Thai and English (the "
            "English msgstr may stay empty); a string that reads the same in Thai (PDF, API) gets "
            "a msgstr equal to its msgid:\n" + "\n".join(missing),
            pytrace=False,
        )


def _package_strings(domain: str) -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) of every string Wagtail, allauth and Django translate, from their
    English catalogues, which list all of them."""
    roots = [Path(package.__file__).parent for package in (wagtail, allauth, django)]
    return {
        (_field(block, "msgctxt"), _field(block, "msgid"))
        for root in roots
        for path in root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
        for block in _entries(path)
    }


@pytest.mark.parametrize("path", THIRD_PARTY_CATALOGUES, ids=lambda p: p.name)
def test_the_third_party_catalogue_holds_only_other_packages_strings(path):
    """A msgid copied wrongly translates nothing; one of ours belongs in locale/."""
    theirs = _package_strings(path.stem)
    keys = [(_field(block, "msgctxt"), _field(block, "msgid")) for block in _entries(path)]
    assert [key for key in keys if key not in theirs] == [], "not a string of those packages"
    if path.stem == "django":  # we have no JavaScript strings of our own
        ours = {(_field(b, "msgctxt"), _field(b, "msgid")) for b in _blocks(_our_strings())}
        assert [key for key in keys if key in ours] == [], "our own strings belong in locale/"
