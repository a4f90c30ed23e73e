"""Publish a new version of the privacy notice from two text files (Thai, English).

    manage.py publish_privacy_notice --th notice-th.txt --en notice-en.txt

Everyone signed in accepts the new version at their next request to the portal.
Without files, the starting text (accounts/privacy_text.py) is published as a first
version, only if no version exists yet.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import PrivacyNotice
from accounts.privacy import notice_publish
from accounts.privacy_text import NOTICE_EN, NOTICE_TH


class Command(BaseCommand):
    help = "Publish a new version of the privacy notice (Thai and English text files)."

    def add_arguments(self, parser):
        parser.add_argument("--th", type=Path, help="the Thai text (UTF-8)")
        parser.add_argument("--en", type=Path, help="the English text (UTF-8)")

    def handle(self, *args, th=None, en=None, **options):
        if th is None:
            if PrivacyNotice.objects.exists():
                raise CommandError("A notice exists already: give --th (and --en) to change it.")
            body_th, body_en = NOTICE_TH, NOTICE_EN
        else:
            body_th = _read(th)
            body_en = _read(en) if en else ""
        notice = notice_publish(body_th=body_th, body_en=body_en)
        self.stdout.write(f"Published privacy notice version {notice.version}.")


def _read(path: Path) -> str:
    path = Path(path)  # call_command passes strings through as given
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc
    if not text:
        raise CommandError(f"{path} is empty.")
    return text
