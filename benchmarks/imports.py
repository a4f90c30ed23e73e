"""How long the enrolment import takes to refuse a sheet far over its row limit.

Usage: python benchmarks/imports.py [--rows 170000]
Builds an XLSX of that many learner rows (about 1.8 MB at 170,000) and prints its
size and the seconds read_table() takes to refuse it. Needs no database.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from cohorts.imports import read_enrolment_table as read_table  # noqa: E402
from core.tables import ImportFileError  # noqa: E402


def sheet(rows: int) -> bytes:
    book = Workbook(write_only=True)
    page = book.create_sheet()
    page.append(["email", "first_name_th", "last_name_th"])
    for n in range(rows):
        page.append([f"p{n}@example.org", "สมชาย", "ใจดี"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=170_000)
    args = parser.parse_args()
    content = sheet(args.rows)
    start = time.perf_counter()
    try:
        read_table("learners.xlsx", content)
        outcome = "accepted"
    except ImportFileError as error:
        outcome = f"refused: {error}"
    seconds = time.perf_counter() - start
    print(f"{args.rows} rows, {len(content) / 1e6:.1f} MB: {seconds:.2f} s, {outcome}")  # noqa: T201


if __name__ == "__main__":
    main()
