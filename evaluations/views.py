"""The learner answers an evaluation on the phone: once, while it is open, anonymously."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from evaluations import selectors, services
from evaluations.access import answering_enrolment
from evaluations.forms import AnswerForm


@login_required
def answer(request, pk: int):
    evaluation = selectors.evaluation_for_answering(pk)
    if evaluation is None:
        raise Http404
    enrolment = answering_enrolment(request.user, evaluation)
    if enrolment is None:
        raise PermissionDenied
    language = get_language() or "th"
    context = {"evaluation": evaluation, "language": language}
    if selectors.has_answered(evaluation, enrolment):
        status = 409 if request.method == "POST" else 200
        return render(request, "evaluations/answered.html", context, status=status)
    if not evaluation.is_open():
        status = 403 if request.method == "POST" else 200
        context["not_yet"] = evaluation.opens > timezone.now() and not evaluation.session_cancelled
        return render(request, "evaluations/closed.html", context, status=status)
    questions = evaluation.questions.all()
    form = AnswerForm(request.POST or None, questions=questions, language=language)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(
                evaluation=evaluation, enrolment=enrolment, values=form.values()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your answers were recorded without your name."))
            return redirect("accounts:me")
    return render(request, "evaluations/answer.html", {**context, "form": form})
