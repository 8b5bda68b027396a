"""The samples screens: each GET shows a page; each POST parses input and calls one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once
from orders.views.generic import refusal_message
from orders.visibility import visible
from samples import rules
from samples.forms import (
    CheckRemarksForm,
    DecisionForm,
    DiscrepancyFormSet,
    LetterCreateForm,
    LetterUploadForm,
    MeasurementFormSet,
    SampleRequestForm,
)
from samples.permissions import can_work_on_samples
from samples.selectors import current_letter, sample_detail
from samples.services import sample_check_record, sample_request_create
from samples.views.common import ORDERS, SAMPLES


@login_required
def sample_create_view(request, order_pk: int) -> HttpResponse:
    order = visible(ORDERS, request.user, order_pk)
    form = SampleRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                with submitted_once(request, form):
                    sample = sample_request_create(
                        order_id=order.pk,
                        user=request.user,
                        sample_type=form.cleaned_data["sample_type"],
                        requested_on=form.cleaned_data["requested_on"],
                        due_on=form.cleaned_data["due_on"],
                        allocation=form.allocation(),
                        instructions=form.cleaned_data["instructions"],
                    )
            except ActionRefused as refused:
                messages.error(request, refusal_message(refused))
                status = 403
            else:
                messages.success(request, _("Sample requested: %(sample)s.") % {"sample": sample})
                return redirect(sample)
    return render(
        request, "samples/sample_form.html", {"order": order, "form": form}, status=status
    )


@login_required
def sample_detail_view(request, pk: int) -> HttpResponse:
    sample = sample_detail(sample_id=visible(SAMPLES, request.user, pk).pk)
    order = sample.order
    may_work = can_work_on_samples(order, request.user)
    context = {
        "sample": sample,
        "order": order,
        "letter": current_letter(sample),
        "letters": list(sample.letters.all()),
        "may_work": may_work,
        "may_sign": rules.can_sign_comment_letter(order, request.user),
        "decision_form": DecisionForm(),
        "letter_form": LetterCreateForm(),
        "upload_form": LetterUploadForm(),
    }
    return render(request, "samples/sample_detail.html", context)


@login_required
def sample_check_view(request, pk: int) -> HttpResponse:
    sample = visible(SAMPLES, request.user, pk)
    if request.method == "POST":
        measurements = MeasurementFormSet(request.POST, prefix="m")
        discrepancies = DiscrepancyFormSet(request.POST, prefix="d")
        remarks = CheckRemarksForm(request.POST)
        if measurements.is_valid() and discrepancies.is_valid() and remarks.is_valid():
            try:
                sample_check_record(
                    sample_id=sample.pk,
                    user=request.user,
                    measurements=[row for row in measurements.cleaned_data if row],
                    discrepancies=[row for row in discrepancies.cleaned_data if row],
                    **remarks.cleaned_data,
                )
            except ActionRefused as refused:
                messages.error(request, refusal_message(refused))
                status = 403
            else:
                messages.success(request, _("Check recorded."))
                return redirect(sample)
        else:
            status = 400
    else:
        status = 200
        measurements = MeasurementFormSet(
            prefix="m",
            initial=list(
                sample.measurements.values(
                    "point_of_measure", "size", "spec", "tolerance", "actual", "accepted"
                )
            ),
        )
        discrepancies = DiscrepancyFormSet(
            prefix="d",
            initial=list(
                sample.discrepancies.filter(measurement__isnull=True).values(
                    "area", "description", "severity"
                )
            ),
        )
        remarks = CheckRemarksForm(
            initial={
                "construction_remarks": sample.construction_remarks,
                "wash_remarks": sample.wash_remarks,
                "customer_comments": sample.customer_comments,
            }
        )
    context = {
        "sample": sample,
        "order": sample.order,
        "measurements": measurements,
        "discrepancies": discrepancies,
        "remarks": remarks,
    }
    return render(request, "samples/sample_check.html", context, status=status)
