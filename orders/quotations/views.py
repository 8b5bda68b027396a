"""The quotation screens (R18): the merchandiser's list, costing and submission; the
manager's approval. Each POST calls one service; the services enforce the roles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.documents.selectors import sent_for
from orders.quotations import forms, permissions, selectors, services
from orders.quotations.choices import (
    EDITABLE_STATUSES,
    EXPIRABLE_STATUSES,
    REQUOTABLE_STATUSES,
    TRANSITION_LABELS,
    QuotationStatus,
)
from orders.quotations.costing import price_text
from orders.quotations.exports import QuotationsTable
from orders.quotations.models import Quotation
from orders.services.common import ActionRefused
from orders.services.submissions import AlreadySubmitted, submitted_once
from orders.views.generic import ObjectListView, ServiceActionView, refusal_message


class QuotationListView(ObjectListView):
    table_class = QuotationsTable
    template_name = "quotations/quotation_list.html"

    def extra_context(self) -> dict:
        return {"may_quote": permissions.can_quote(self.request.user)}


@login_required
def quotation_create_view(request: HttpRequest) -> HttpResponse:
    if not permissions.can_quote(request.user):
        raise PermissionDenied
    initial = {"valid_until": timezone.localdate() + timezone.timedelta(days=30)}
    form = forms.QuotationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(request):
                quotation = services.quotation_create(user=request.user, **form.service_fields())
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
            if isinstance(refused, AlreadySubmitted):
                return redirect("quotations:list")
        else:
            messages.success(
                request, _("Quotation %(label)s drafted.") % {"label": quotation.label}
            )
            return redirect("quotations:edit", quotation.pk)
    return render(request, "quotations/quotation_form.html", {"form": form, "quotation": None})


def _costing_initial(quotation: Quotation) -> tuple[list[dict], list[dict]]:
    lines = [
        {
            "kind": line.kind,
            "description": line.description,
            "basis": line.basis,
            "amount": line.amount,
        }
        for line in quotation.costing_lines.all()
    ]
    breaks = [
        {"min_quantity": item.min_quantity, "unit_price": item.unit_price}
        for item in quotation.price_breaks.all()
    ]
    return lines, breaks


@login_required
def quotation_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The header, the costing lines and the prices per quantity break, on one page."""
    quotation = selectors.quotation_detail(request.user, pk)
    if not permissions.can_prepare(quotation, request.user):
        raise PermissionDenied
    if quotation.status not in EDITABLE_STATUSES:
        messages.error(request, _("Only a draft can be changed: re-quote to change it."))
        return redirect(quotation)
    lines, breaks = _costing_initial(quotation)
    data = request.POST or None
    form = forms.QuotationForm(data, instance=quotation, editing=True)
    costing = forms.CostingLineFormSet(data, initial=lines, prefix="costing")
    prices = forms.PriceBreakFormSet(data, initial=breaks, prefix="prices")
    if request.method == "POST" and form.is_valid() and costing.is_valid() and prices.is_valid():
        try:
            services.quotation_update(
                quotation_id=quotation.pk, user=request.user, **form.service_fields()
            )
            services.costing_save(
                quotation_id=quotation.pk,
                user=request.user,
                lines=forms.filled_rows(costing),
                breaks=forms.filled_rows(prices),
            )
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
        else:
            messages.success(request, _("Costing saved."))
            return redirect(quotation)
    context = {"form": form, "costing": costing, "prices": prices, "quotation": quotation}
    return render(request, "quotations/quotation_form.html", context)


def _order_initial() -> dict:
    return {"order_date": timezone.localdate()}


def _action_forms(quotation: Quotation, user) -> list[tuple[str, str, object]]:
    """(transition name, label, form) for each step this user may take now."""
    status, actions = quotation.status, []
    prepare = permissions.can_prepare(quotation, user)
    if status == QuotationStatus.DRAFT and prepare:
        actions.append(("submit", forms.CommentForm()))
    if status == QuotationStatus.IN_APPROVAL and permissions.can_decide(quotation, user):
        if permissions.can_approve(quotation, user):
            actions.append(("approve", forms.CommentForm()))
        actions.append(("reject", forms.ReasonForm()))
    if status == QuotationStatus.APPROVED and prepare:
        actions.append(("send", forms.CommentForm()))
    if status == QuotationStatus.SENT and prepare:
        actions += [("win", forms.CommentForm()), ("lose", forms.ReasonForm())]
    if status in EXPIRABLE_STATUSES and prepare and quotation.validity_passed():
        actions.append(("expire", forms.CommentForm()))
    if status == QuotationStatus.WON and prepare and quotation.order_id is None:
        actions.append(("create_order", forms.CreateOrderForm(initial=_order_initial())))
    if status in REQUOTABLE_STATUSES and prepare and not hasattr(quotation, "next_revision"):
        actions.append(("requote", forms.RequoteForm()))
    labels = {
        **TRANSITION_LABELS,
        "requote": TRANSITION_LABELS["replace"],
        "create_order": _("Create the order"),
    }
    return [(name, labels[name], form) for name, form in actions]


@login_required
def quotation_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    quotation = selectors.quotation_detail(request.user, pk)
    figures = quotation.break_figures()
    context = {
        "quotation": quotation,
        "figures": figures,
        "prices": [
            (item, price_text(item.unit_price), price_text(item.unit_cost)) for item in figures
        ],
        "special_reasons": quotation.special_price_reasons()
        if quotation.status in (QuotationStatus.DRAFT, QuotationStatus.IN_APPROVAL)
        else [],
        "actions": _action_forms(quotation, request.user),
        "may_edit": quotation.status in EDITABLE_STATUSES
        and permissions.can_prepare(quotation, request.user),
        "events": list(quotation.events.all()),
        "sent_documents": list(sent_for(quotation)),
    }
    return render(request, "quotations/quotation_detail.html", context)


@login_required
def approvals_view(request: HttpRequest) -> HttpResponse:
    """The manager's queue: what waits for this user's approval, special prices marked."""
    waiting = selectors.waiting_for_approval(request.user)
    return render(request, "quotations/approvals.html", {"quotations": waiting})


class QuotationActionView(ServiceActionView):
    """One lifecycle step on one quotation, by its transition name."""

    SERVICES = {
        "submit": (forms.CommentForm, services.quotation_submit, "comment"),
        "approve": (forms.CommentForm, services.quotation_approve, "comment"),
        "reject": (forms.ReasonForm, services.quotation_reject, "reason"),
        "send": (forms.CommentForm, services.quotation_send, "comment"),
        "win": (forms.CommentForm, services.quotation_win, "comment"),
        "lose": (forms.ReasonForm, services.quotation_lose, "reason"),
        "requote": (forms.RequoteForm, services.quotation_requote, "reason"),
        "create_order": (forms.CreateOrderForm, None, ""),
    }

    def get_object(self, request, pk):
        return selectors.visible_quotations(request.user).get(pk=pk)

    def post(self, request, pk, *, name: str):
        if name not in self.SERVICES and name != "expire":
            raise Http404
        self.form_class = self.SERVICES.get(name, (forms.CommentForm,))[0]
        self.next_object = None
        response = super().post(request, pk, name=name)
        return redirect(self.next_object) if self.next_object is not None else response

    def perform(self, request, obj, form, *, name: str) -> str:
        if name == "create_order":
            self.next_object = services.quotation_create_order(
                quotation_id=obj.pk, user=request.user, **form.service_fields()
            )
            return _("Order %(order)s created in Received.") % {"order": self.next_object}
        if name == "expire":
            services.quotation_expire(quotation_id=obj.pk, user=request.user)
            return _("Done: %(action)s.") % {"action": TRANSITION_LABELS[name]}
        _form, service, text_argument = self.SERVICES[name]
        extra = {}
        if name == "requote":
            extra["valid_until"] = form.cleaned_data.get("valid_until")
        result = service(
            quotation_id=obj.pk,
            user=request.user,
            **{text_argument: form.cleaned_data["comment"]},
            **extra,
        )
        if name == "requote":
            self.next_object = result
            return _("Revision %(revision)s drafted.") % {"revision": result.revision}
        label = TRANSITION_LABELS[name]
        return _("Done: %(action)s.") % {"action": label}
