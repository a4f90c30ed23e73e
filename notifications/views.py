"""/me/notifications/: each person's channels per kind of notice, and LINE linking."""

import logging

from linebot.v3.webhooks import (
    MessageEvent,
    TextMessageContent,
    UnfollowEvent,
    UserSource,
)

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications import line, services
from notifications.forms import PreferencesForm
from notifications.models import LineLinkCode
from notifications.selectors import line_account_for, preferences_for

logger = logging.getLogger(__name__)


@login_required
def preferences(request):
    """Choose email and/or LINE per kind of notice; link or unlink LINE."""
    account = line_account_for(user=request.user) if line.line_enabled() else None
    form = PreferencesForm(
        request.POST or None,
        initial_choices=preferences_for(user=request.user),
        offer_line=account is not None,
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.choices())
        messages.success(request, _("Your notification choices have been saved."))
        if silent := form.silent_kinds():
            if form.offer_line:
                warning = _("You will hear nothing, by email or LINE, about: %(kinds)s.")
            else:  # LINE is not offered to this person: email is the only channel
                warning = _("You will hear nothing by email about: %(kinds)s.")
            messages.warning(request, warning % {"kinds": ", ".join(silent)})
        return redirect("notifications:preferences")
    code = LineLinkCode.objects.filter(user=request.user).first()
    context = {
        "form": form,
        "line_enabled": line.line_enabled(),
        "line_account": account,
        "link_code": code if code and code.expires_at > timezone.now() else None,
        "official_account": settings.LINE_OFFICIAL_ACCOUNT_ID,
    }
    return render(request, "notifications/preferences.html", context)


@login_required
@require_POST
def line_code(request):
    """A new one-time code to send to the Official Account."""
    if not line.line_enabled():
        raise Http404
    services.line_link_code_issue(user=request.user)
    return redirect("notifications:preferences")


@login_required
@require_POST
def line_unlink(request):
    if not line.line_enabled():
        raise Http404
    if services.line_unlink(user=request.user):
        messages.success(request, _("Your LINE account is no longer linked."))
    return redirect("notifications:preferences")


@csrf_exempt  # LINE's servers post here; the X-Line-Signature is the check
@require_POST
def line_webhook(request):
    """Events from the Official Account: a linking code sent, the account blocked."""
    if not line.line_enabled():
        raise Http404
    body = request.body.decode("utf-8", errors="replace")
    try:
        events = line.parse_webhook(body, request.headers.get("X-Line-Signature", ""))
    except (line.InvalidSignatureError, ValueError):
        return HttpResponseBadRequest("invalid signature")
    for event in events:
        _handle(event)
    return HttpResponse("OK")


def _handle(event) -> None:
    if not isinstance(event.source, UserSource):
        return
    line_user_id = event.source.user_id
    if isinstance(event, UnfollowEvent):
        services.line_unlink_by_line_user(line_user_id=line_user_id)
        return
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        person = services.line_link_by_code(line_user_id=line_user_id, text=event.message.text)
        redelivered = event.delivery_context and event.delivery_context.is_redelivery
        if not redelivered:  # a redelivery's code was spent the first time: say nothing
            _reply(event.reply_token, linked=person is not None)


def _reply(reply_token: str | None, *, linked: bool) -> None:
    """Tell the sender, in LINE, whether the code worked; a failure only logs."""
    if not reply_token:
        return
    with translation.override("th"):
        th = _("Your LINE is now linked to พมส.") if linked else _("That code is not valid.")
    with translation.override("en"):
        en = _("Your LINE is now linked to พมส.") if linked else _("That code is not valid.")
    if not linked:
        with translation.override("th"):
            th += " " + _("Get a new code on the Notifications page of พมส.")
        with translation.override("en"):
            en += " " + _("Get a new code on the Notifications page of พมส.")
    try:
        line.reply_text(reply_token=reply_token, text=f"{th}\n\n{en}")
    except Exception:  # the link is made; a lost reply must not make LINE resend the event
        logger.warning("LINE reply failed", exc_info=True)
