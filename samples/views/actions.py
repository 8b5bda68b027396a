"""The POST buttons of the sample page and the form previews. Each POST calls one service;
the services check the roles, so a refused user gets the reason and nothing changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders.documents.views import posted_language
from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once
from samples.forms import DateForm, DecisionForm, LetterCreateForm, LetterUploadForm
from samples.services import (
    comment_letter_create,
    comment_letter_send,
    comment_letter_sign,
    comment_letter_upload,
    sample_decide,
    sample_receive,
    sample_send_to_customer,
)
from samples.views.common import form_errors, refuse, visible_letter, visible_sample


def _run(request, target, call, success: str):
    try:
        with submitted_once(request):
            call()
    except ActionRefused as refused:
        refuse(request, refused)
    else:
        messages.success(request, success)
    return redirect(target)


@login_required
@require_POST
def sample_receive_view(request, pk: int):
    sample = visible_sample(request.user, pk)
    form = DateForm(request.POST)
    on = form.cleaned_data["on"] if form.is_valid() else None
    return _run(
        request,
        sample,
        lambda: sample_receive(sample_id=sample.pk, user=request.user, received_on=on),
        _("Sample received."),
    )


@login_required
@require_POST
def sample_send_view(request, pk: int):
    sample = visible_sample(request.user, pk)
    form = DateForm(request.POST)
    on = form.cleaned_data["on"] if form.is_valid() else None
    return _run(
        request,
        sample,
        lambda: sample_send_to_customer(sample_id=sample.pk, user=request.user, sent_on=on),
        _("Sample sent to the customer."),
    )


@login_required
@require_POST
def sample_decide_view(request, pk: int):
    sample = visible_sample(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(sample)
    return _run(
        request,
        sample,
        lambda: sample_decide(
            sample_id=sample.pk,
            user=request.user,
            approved=form.approved,
            source=form.cleaned_data["source"],
            comment=form.cleaned_data["comment"],
        ),
        _("Sample approved.") if form.approved else _("Sample rejected: request a new round."),
    )


@login_required
@require_POST
def letter_create_view(request, pk: int):
    sample = visible_sample(request.user, pk)
    form = LetterCreateForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(sample)
    return _run(
        request,
        sample,
        lambda: comment_letter_create(sample_id=sample.pk, user=request.user, **form.cleaned_data),
        _("Comment letter prepared: it waits for the group head's signature."),
    )


@login_required
@require_POST
def letter_upload_view(request, pk: int):
    sample = visible_sample(request.user, pk)
    form = LetterUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(sample)
    return _run(
        request,
        sample,
        lambda: comment_letter_upload(sample_id=sample.pk, user=request.user, **form.cleaned_data),
        _("The customer's letter will be used instead; it waits for the group head's signature."),
    )


@login_required
@require_POST
def letter_sign_view(request, pk: int):
    letter = visible_letter(request.user, pk)
    return _run(
        request,
        letter,
        lambda: comment_letter_sign(letter=letter, user=request.user),
        _("Comment letter signed."),
    )


@login_required
@require_POST
def letter_send_view(request, pk: int):
    letter = visible_letter(request.user, pk)
    to_customer = request.POST.get("to") == "customer"
    language = posted_language(request)
    return _run(
        request,
        letter,
        lambda: comment_letter_send(
            letter=letter, user=request.user, to_customer=to_customer, language=language
        ),
        _("The customer's copy is on its way.") if to_customer else _("Sent to the factory."),
    )
