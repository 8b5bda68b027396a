"""The POST buttons of the sample page: one service call on one round or letter each, through the
one action view (orders.views.generic.ServiceActionView). The services check the roles, so a
refused user gets the reason and nothing changes."""

from django import forms
from django.utils.translation import gettext as _

from orders.documents.views import posted_language
from orders.views.generic import ServiceActionView
from orders.visibility import visible
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
from samples.views.common import LETTERS, SAMPLES


class SampleAction(ServiceActionView):
    def get_object(self, request, pk: int):
        return visible(SAMPLES, request.user, pk)


class LetterAction(ServiceActionView):
    form_class = forms.Form

    def get_object(self, request, pk: int):
        return visible(LETTERS, request.user, pk, via="sample__order")


class SampleReceiveView(SampleAction):
    form_class = DateForm

    def perform(self, request, sample, form) -> str:
        on = form.cleaned_data["on"]
        sample_receive(sample_id=sample.pk, user=request.user, received_on=on)
        return _("Sample received.")


class SampleSendView(SampleAction):
    form_class = DateForm

    def perform(self, request, sample, form) -> str:
        on = form.cleaned_data["on"]
        sample_send_to_customer(sample_id=sample.pk, user=request.user, sent_on=on)
        return _("Sample sent to the customer.")


class SampleDecideView(SampleAction):
    form_class = DecisionForm

    def perform(self, request, sample, form) -> str:
        sample_decide(
            sample_id=sample.pk,
            user=request.user,
            approved=form.approved,
            source=form.cleaned_data["source"],
            comment=form.cleaned_data["comment"],
        )
        if form.approved:
            return _("Sample approved.")
        return _("Sample rejected: request a new round.")


class LetterCreateView(SampleAction):
    form_class = LetterCreateForm

    def perform(self, request, sample, form) -> str:
        comment_letter_create(sample_id=sample.pk, user=request.user, **form.cleaned_data)
        return _("Comment letter prepared: it waits for the group head's signature.")


class LetterUploadView(SampleAction):
    form_class = LetterUploadForm

    def perform(self, request, sample, form) -> str:
        comment_letter_upload(sample_id=sample.pk, user=request.user, **form.cleaned_data)
        return _(
            "The customer's letter will be used instead; it waits for the group head's signature."
        )


class LetterSignView(LetterAction):
    def perform(self, request, letter, form) -> str:
        comment_letter_sign(letter=letter, user=request.user)
        return _("Comment letter signed.")


class LetterSendView(LetterAction):
    def perform(self, request, letter, form) -> str:
        to_customer = request.POST.get("to") == "customer"
        language = posted_language(request)
        comment_letter_send(
            letter=letter, user=request.user, to_customer=to_customer, language=language
        )
        return _("The customer's copy is on its way.") if to_customer else _("Sent to the factory.")
