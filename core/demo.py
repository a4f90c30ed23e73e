"""Demo data: each app contributes a step; seed_demo runs them in order.

Every step must be idempotent: running seed_demo twice changes nothing.
The demo doubles as the fixture for the browser tests.
"""

from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module

from django.conf import settings

# Steps run in this order; a module that does not exist yet is skipped.
STEPS = [
    "accounts.demo",
    "cms.demo",
    "curriculum.demo",
    "cohorts.demo",
    "cohorts.demo_links",
    "attendance.demo",
    "assignments.demo",
    "learning.demo",
    "certificates.demo",
    "evaluations.demo",
    "reporting.demo",
    "admissions.demo",
    "alumni.demo",
]

# `seed_demo --scale NAME` runs these after the ordinary steps (bulk inserts, same rows).
SCALES = {
    "programme": [
        "accounts.demo_scale",
        "cohorts.demo_scale",
        "attendance.demo_scale",
        "assignments.demo_scale",
        "certificates.demo_scale",
    ],
}


@dataclass
class DemoContext:
    password: str = field(default_factory=lambda: settings.DEMO_PASSWORD)
    log: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    @cached_property
    def password_hash(self) -> str:
        """Hashed once: every demo person shares the password, and hashing it
        fifty times was half of seed_demo's time."""
        from django.contrib.auth.hashers import make_password

        return make_password(self.password)

    def say(self, line: str) -> None:
        self.log.append(line)


def run_steps(ctx: DemoContext, steps: list[str] = STEPS) -> DemoContext:
    for path in steps:
        try:
            module = import_module(path)
        except ModuleNotFoundError as exc:
            if exc.name != path:
                raise
            continue
        module.seed(ctx)
    return ctx
