"""One way to send email: templates/emails/<name>-{subject,body-text,body-html}.html.

Every email carries Thai first with English below, written in its templates.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def make_message(
    name: str,
    to: list[str],
    context: dict,
    *,
    attachments: Iterable[tuple[str, bytes | str, str]] = (),
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override("th"):
        subject = render_to_string(f"emails/{name}-subject.html", context)
        text = render_to_string(f"emails/{name}-body-text.html", context)
        html = render_to_string(f"emails/{name}-body-html.html", context)
    subject = " ".join(subject.split())
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send(
    name: str,
    to: list[str],
    context: dict,
    *,
    attachments: Iterable[tuple[str, bytes | str, str]] = (),
) -> None:
    make_message(name, to, context, attachments=attachments).send()
