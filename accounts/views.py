from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts.consent import consent_history, consent_record, consented_purposes
from accounts.forms import ConsentForm, PrivacyAcceptForm, ProfileForm
from accounts.models import Organisation
from accounts.portal import attention_for, panels_for
from accounts.privacy import SESSION_KEY, acceptance_of, current_notice, notice_accept


@login_required
def me(request):
    """The learner home: each app contributes a panel (schedule, attendance, …)."""
    user = request.user
    if user.organisation_id:  # shown under the name: one read with its province, not two
        user.organisation = Organisation.objects.select_related("province").get(
            pk=user.organisation_id
        )
    context = {
        "attention": attention_for(request),
        "panels": panels_for(request),
        "is_enrolled": request.user.enrolments.exists(),
    }
    return render(request, "accounts/me.html", context)


@login_required
def profile(request):
    """A person keeps their own name, title, photo and contact details up to date."""
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:me")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def privacy(request):
    """My privacy: the notice I accepted, my consents (give or withdraw), their history."""
    user = request.user
    given = consented_purposes([user.pk])[user.pk]
    form = ConsentForm(request.POST or None, given=given)
    if request.method == "POST" and form.is_valid():
        consent_record(user=user, decisions=form.decisions())
        messages.success(request, _("Your choices have been saved. They apply at once."))
        return redirect("accounts:privacy")
    context = {
        "form": form,
        "history": consent_history(user),
        "acceptance": acceptance_of(user),
        "notice": current_notice(),
    }
    return render(request, "accounts/privacy.html", context)


def _next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe and wanted else reverse("accounts:me")


@login_required
def privacy_accept(request):
    """Read and accept the current privacy notice (first login, and after each new version)."""
    notice = current_notice()
    if notice is None:
        return redirect(_next_url(request))
    form = PrivacyAcceptForm(request.POST or None, initial={"notice": notice.pk})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["notice"] != notice.pk:
            messages.warning(request, _("The privacy notice has just changed: read it again."))
            return redirect(request.get_full_path())
        notice_accept(user=request.user, notice=notice)
        request.session[SESSION_KEY] = notice.pk
        return redirect(_next_url(request))
    context = {"form": form, "notice": notice, "next": _next_url(request)}
    return render(request, "accounts/privacy_accept.html", context)
