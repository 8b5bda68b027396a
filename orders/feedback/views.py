"""R30 screens: the month-end list of orders still lacking the customer's countersignatures,
the month's feedback forms printed together and exported, and the customer's answers."""

import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders import selectors
from orders.choices import FeedbackRating
from orders.feedback.exports import feedback_pdf, feedback_workbook
from orders.feedback.rules import R30_FORM_CODES, r30_paper_states
from orders.feedback.selectors import month_rows, parse_month
from orders.feedback.services import feedback_record
from orders.forms import FreeText
from orders.models import CustomerFeedback
from orders.permissions import can_edit
from orders.views.generic import OrderAction


@login_required
def countersignatures_view(request):
    month = parse_month(request.GET.get("month"))
    rows = month_rows(selectors.visible_orders(request.user), month)
    lacking = request.GET.get("all") != "1"
    context = {
        "month": month,
        "rows": [row for row in rows if not (lacking and row.complete)],
        "total": len(rows),
        "complete": sum(row.complete for row in rows),
        "lacking_only": lacking,
    }
    return render(request, "orders/feedback/month.html", context)


def _month_and_orders(request):
    month = parse_month(request.GET.get("month"))
    return month, month_rows(selectors.visible_orders(request.user), month)


@login_required
def feedback_print_view(request):
    month, rows = _month_and_orders(request)
    if not rows:
        raise Http404(_("No order shipped in this month."))
    response = HttpResponse(feedback_pdf(rows), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="feedback-{month:%Y-%m}.pdf"'
    return response


@login_required
def feedback_export_view(request):
    month, rows = _month_and_orders(request)
    buffer = io.BytesIO()
    feedback_workbook(rows, month).save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="feedback-{month:%Y-%m}.xlsx"'
    return response


class FeedbackForm(forms.Form):
    quality = forms.ChoiceField(
        label=gettext_lazy("Product quality"), choices=FeedbackRating.choices, required=False
    )
    delivery = forms.ChoiceField(
        label=gettext_lazy("Delivery on time"), choices=FeedbackRating.choices, required=False
    )
    packing = forms.ChoiceField(
        label=gettext_lazy("Packing and marking"), choices=FeedbackRating.choices, required=False
    )
    service = forms.ChoiceField(
        label=gettext_lazy("Merchandiser's service"), choices=FeedbackRating.choices, required=False
    )
    comments = FreeText(
        label=gettext_lazy("Customer's comments"), required=False, widget=forms.Textarea
    )


class FeedbackRecordView(OrderAction):
    form_class = FeedbackForm

    def perform(self, request, obj, form) -> str:
        feedback_record(order_id=obj.pk, user=request.user, **form.cleaned_data)
        return _("The customer's feedback is recorded.")


def feedback_section_context(order, user) -> dict:
    documents = list(order.sent_documents.filter(form_code__in=R30_FORM_CODES))
    feedback = CustomerFeedback.objects.filter(order=order).first()
    may_edit = can_edit(order, user)
    initial = {name: getattr(feedback, name) for name in CustomerFeedback.RATED} if feedback else {}
    if feedback:
        initial["comments"] = feedback.comments
    return {
        "papers": r30_paper_states(documents),
        "feedback": feedback,
        "form": FeedbackForm(initial=initial) if may_edit else None,
    }
