"""The invoice runs' pages (R31: invoices three times a month, their receipt confirmed):
finance's list and the run's page with its steps. Each POST calls one service."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from orders.views.generic import ServiceActionView
from shipping.statements import forms, invoice_runs, permissions
from shipping.statements.choices import InvoiceRunStatus
from shipping.statements.models import InvoiceRun, InvoicingPolicy


def _visible(user, pk) -> InvoiceRun:
    if not permissions.can_see_statements(user):
        raise PermissionDenied
    return get_object_or_404(InvoiceRun.objects.select_related("customer"), pk=pk)


@login_required
def run_list_view(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_statements(request.user):
        raise PermissionDenied
    runs = InvoiceRun.objects.select_related("customer").prefetch_related("lines")
    status = request.GET.get("status", "")
    if status in InvoiceRunStatus.values:
        runs = runs.filter(status=status)
    context = {
        "runs": runs[:200],
        "statuses": InvoiceRunStatus.choices,
        "status": status,
        "policy": InvoicingPolicy.current(),
        "generate_form": forms.RunGenerateForm()
        if permissions.can_keep_statements(request.user)
        else None,
    }
    return render(request, "statements/runs.html", context)


@login_required
def run_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    run = _visible(request.user, pk)
    keeps = permissions.can_keep_statements(request.user)
    context = {
        "run": run,
        "lines": list(run.lines.select_related("order")),
        "totals": run.totals(),
        "records": list(run.records.select_related("actor")),
        "may_send": keeps and run.status == InvoiceRunStatus.DRAFT,
        "may_record_receipt": keeps and run.status == InvoiceRunStatus.SENT,
        "send_form": forms.CommentForm(auto_id="id_send-%s"),
        "refresh_form": forms.CommentForm(auto_id="id_refresh-%s"),
        "receipt_form": forms.ReceiptForm(auto_id="id_receipt-%s"),
    }
    return render(request, "statements/run.html", context)


class _RunsPage:
    """Where the generate form returns: the run's page, or the list if refused."""

    target = None

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return self.target.get_absolute_url() if self.target else reverse("statements:runs")


class RunGenerateView(ServiceActionView):
    form_class = forms.RunGenerateForm

    def post(self, request, pk=None, **kwargs):
        return super().post(request, 0, **kwargs)

    def get_object(self, request, pk):
        if not permissions.can_see_statements(request.user):
            raise PermissionDenied
        return _RunsPage()

    def perform(self, request, obj, form, **kwargs) -> str:
        run = invoice_runs.invoice_run_generate(
            customer=form.cleaned_data["customer"],
            cutoff=form.cleaned_data["cutoff"],
            user=request.user,
        )
        obj.target = run
        return _("Invoice run %(label)s drawn up.") % {"label": run.label}


class RunAction(ServiceActionView):
    form_class = forms.CommentForm

    def get_object(self, request, pk):
        return _visible(request.user, pk)

    def perform(self, request, run, form, *, step: str) -> str:
        if step == "send":
            invoice_runs.invoice_run_send(
                run_id=run.pk, user=request.user, comment=form.cleaned_data["comment"]
            )
            return _("Invoices sent to the customer.")
        invoice_runs.invoice_run_refresh(run_id=run.pk, user=request.user)
        return _("Invoice run drawn up again.")


class ReceiptView(RunAction):
    form_class = forms.ReceiptForm

    def perform(self, request, run, form, **kwargs) -> str:
        data = form.cleaned_data
        invoice_runs.invoice_run_record_receipt(
            run_id=run.pk,
            user=request.user,
            name=data["name"],
            received_on=data["received_on"],
            comment=data["comment"],
            scan=data["scan"],
        )
        return _("The customer's receipt of the invoices is recorded.")
