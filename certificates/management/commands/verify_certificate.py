"""Check a certificate PDF offline (credential and PDF signatures) and its status online."""

import json
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import codes, selectors, verification
from core.urls import absolute_url


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
            check = verification.check_pdf(path.read_bytes())
            self.stdout.write(f"credential signature: {'ok' if check.credential_ok else 'FAILED'}")
            self.stdout.write(f"PDF signature:        {'ok' if check.signature_ok else 'FAILED'}")
            if not check.genuine:
                self.stdout.write(f"NOT GENUINE ({', '.join(check.problems)})")
                raise CommandError("not genuine")
            self.stdout.write("offline: GENUINE")
            code = check.verification_id
        if offline:
            return
        status = self._status_online(code, api) or self._status_local(code)
        self.stdout.write(f"status: {status}")

    def _status_online(self, code, api):
        base = (api or absolute_url("/api/v1")).rstrip("/")
        url = f"{base}/certificates/{code}"
        if not url.startswith(("http://", "https://")):
            return None
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - http(s) only
                data = json.load(response)
        except OSError:
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
