from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.portal import panels_for


@login_required
def me(request):
    """The learner home: each app contributes a panel (schedule, attendance, …)."""
    return render(request, "accounts/me.html", {"panels": panels_for(request)})
