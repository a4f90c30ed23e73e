"""Check a certificate PDF offline (credential and PDF signatures) and its status online."""

import json
import logging
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import codes, selectors, verification
from core.urls import absolute_url

# What each problem check_pdf finds means, for the person at the terminal.
REASONS = {
    "unreadable": "the file is not a readable PDF (damaged, cut short or another kind of file)",
    "no-credential": "the file carries no credential (or more than one)",
    "credential-signature": "the embedded credential's signature does not match its content",
    "unreadable-signature": "the PDF's signature cannot be read",
    "no-signature": "the PDF is not signed",
    "extra-signatures": "the PDF carries a signature that is not ours",
    "signature": "the PDF's signature does not match its content or is not from our key",
    "changed-after-signing": "the PDF was changed after it was signed",
}
# Libraries that log (and sometimes print a traceback) about a damaged file: the
# verdict below says what matters, in one place.
QUIET_LOGGERS = ("pypdf", "pyhanko", "pyhanko_certvalidator", "asn1crypto")


class Command(BaseCommand):
    help = "Verify a certificate PDF (offline checks, then online status) or a code."

    def add_arguments(self, parser):
        parser.add_argument("target", help="a certificate PDF file or a code")
        parser.add_argument("--offline", action="store_true", help="skip the online status check")
        parser.add_argument("--api", default="", help="API base URL (default: SITE_URL/api/v1)")

    def handle(self, *args, target, offline, api, **options):
        path = Path(target)
        code = target
        if path.suffix.lower() == ".pdf" or path.is_file():
            if not path.is_file():
                raise CommandError(f"No such file: {target}")
            check = self._check(path.read_bytes())
            self.stdout.write(f"credential signature: {'ok' if check.credential_ok else 'FAILED'}")
            self.stdout.write(f"PDF signature:        {'ok' if check.signature_ok else 'FAILED'}")
            if not check.genuine:
                self.stdout.write("verdict: NOT GENUINE")
                for problem in check.problems:
                    self.stdout.write(f"reason: {REASONS.get(problem, problem)}")
                raise CommandError("not genuine")
            self.stdout.write("verdict: GENUINE (offline checks)")
            code = check.verification_id
        if offline:
            return
        status = self._status_online(code, api) or self._status_local(code)
        self.stdout.write(f"status: {status}")

    def _check(self, content: bytes):
        levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
        try:
            return verification.check_pdf(content)
        finally:
            for name, level in levels.items():
                logging.getLogger(name).setLevel(level)

    def _status_online(self, code, api):
        base = (api or absolute_url("/api/v1")).rstrip("/")
        url = f"{base}/certificates/{code}"
        if not url.startswith(("http://", "https://")):
            return None
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - http(s) only
                data = json.load(response)
        except (OSError, ValueError):
            return None
        return f"{data['status']} (online, {url})"

    def _status_local(self, code):
        certificate = selectors.certificate_by_code(code)
        if certificate is None:
            return (
                "unknown (checked in the local database)"
                if codes.normalise_short(code) or code
                else "unknown"
            )
        return f"{certificate.status} (local database)"
