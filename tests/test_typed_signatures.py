"""Every public service and selector says what it takes and returns (#12).

mypy (make check) checks the bodies against these signatures; this test keeps a new
public function from arriving without one.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ("core", "accounts", "notifications", "cms", "curriculum", "cohorts", "attendance",
        "assignments", "evaluations", "certificates")  # fmt: skip


def typed_modules() -> list[Path]:
    found = []
    for app in APPS:
        found += [ROOT / app / "services.py", ROOT / app / "selectors.py"]
        found += list((ROOT / app / "services").glob("*.py"))
    return [path for path in found if path.exists()]


def untyped(path: Path) -> list[str]:
    problems = []
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if node.name.startswith("_"):
            continue
        arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        missing = [a.arg for a in arguments if a.annotation is None and a.arg != "self"]
        if node.returns is None:
            missing.append("return")
        if missing:
            problems.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {missing}")
    return problems


def test_every_public_service_and_selector_is_fully_typed():
    modules = typed_modules()
    assert len(modules) > 15, modules
    problems = [problem for path in modules for problem in untyped(path)]
    assert problems == []
