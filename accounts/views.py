from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from accounts.portal import attention_for, panels_for


@login_required
def me(request):
    """The learner home: each app contributes a panel (schedule, attendance, …)."""
    context = {
        "attention": attention_for(request),
        "panels": panels_for(request),
        "is_enrolled": request.user.enrolments.exists(),
    }
    return render(request, "accounts/me.html", context)


@login_required
def profile(request):
    """A person keeps their own name, title and contact details up to date."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:me")
    return render(request, "accounts/profile.html", {"form": form})
