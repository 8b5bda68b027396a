"""The statements' pages (R31): finance's list and the statement's page with its steps. Each
POST calls one service."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from orders.exports.writers import FORMATS, export_response
from orders.views.generic import ServiceActionView
from shipping.statements import forms, permissions, rules, services
from shipping.statements.choices import StatementStatus
from shipping.statements.exports import StatementTable
from shipping.statements.models import Statement


def _visible(user, pk) -> Statement:
    if not permissions.can_see_statements(user):
        raise PermissionDenied
    statements = Statement.objects.select_related("customer", "correction__order")
    return get_object_or_404(statements, pk=pk)


@login_required
def statement_list_view(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_statements(request.user):
        raise PermissionDenied
    statements = Statement.objects.select_related("customer").prefetch_related("balances")
    status = request.GET.get("status", "")
    if status in StatementStatus.values:
        statements = statements.filter(status=status)
    context = {
        "statements": statements[:200],
        "statuses": StatementStatus.choices,
        "status": status,
        "generate_form": forms.GenerateForm()
        if permissions.can_keep_statements(request.user)
        else None,
    }
    return render(request, "statements/list.html", context)


@login_required
def statement_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    statement = _visible(request.user, pk)
    export = request.GET.get("export")
    if export:
        if export not in FORMATS:
            raise Http404
        return export_response(StatementTable(request.user, statement), export)
    keeps = permissions.can_keep_statements(request.user)
    owed = rules.r31_owed_on(statement)
    context = {
        "statement": statement,
        "balances": list(statement.balances.all()),
        "lines": list(statement.lines.select_related("order")),
        "correction": statement.correction,
        "records": list(statement.records.select_related("actor")),
        "owed": owed,
        "cleared": rules.r31_statement_cleared(statement),
        "may_send": keeps and statement.status == StatementStatus.DRAFT,
        "may_resolve": keeps and statement.status == StatementStatus.DISPUTED,
        # Each its own ids: the forms share the page.
        "send_form": forms.CommentForm(auto_id="id_send-%s"),
        "refresh_form": forms.CommentForm(auto_id="id_refresh-%s"),
        "resolve_form": forms.ResolveForm(statement=statement, auto_id="id_resolve-%s"),
        "may_file_paper": keeps and statement.status == StatementStatus.SENT,
        "paper_form": forms.PaperConfirmationForm(auto_id="id_paper-%s"),
        "paper_dispute_form": forms.PaperDisputeForm(
            statement=statement, auto_id="id_paper_dispute-%s"
        ),
    }
    return render(request, "statements/detail.html", context)


class GenerateView(ServiceActionView):
    form_class = forms.GenerateForm

    def post(self, request, pk=None, **kwargs):
        return super().post(request, 0, **kwargs)

    def get_object(self, request, pk):
        if not permissions.can_see_statements(request.user):
            raise PermissionDenied
        return _ListPage()

    def perform(self, request, obj, form, **kwargs) -> str:
        statement = services.statement_generate(
            customer=form.cleaned_data["customer"],
            period=form.cleaned_data["month"],
            user=request.user,
        )
        obj.target = statement
        return _("Statement %(label)s drawn up.") % {"label": statement.label}


class _ListPage:
    """Where the generate form returns: the new statement's page, or the list if refused."""

    target = None

    def get_absolute_url(self) -> str:
        return self.target.get_absolute_url() if self.target else reverse("statements:list")


class StatementAction(ServiceActionView):
    form_class = forms.CommentForm

    def get_object(self, request, pk):
        return _visible(request.user, pk)

    def perform(self, request, statement, form, *, step: str) -> str:
        comment = form.cleaned_data["comment"]
        if step == "send":
            services.statement_send(statement_id=statement.pk, user=request.user, comment=comment)
            return _("Statement sent to the customer.")
        services.statement_refresh(statement_id=statement.pk, user=request.user)
        return _("Statement drawn up again from the settlement.")


class ResolveView(StatementAction):
    form_class = forms.ResolveForm

    def form_kwargs(self, statement) -> dict:
        return {"statement": statement}

    def perform(self, request, statement, form, **kwargs) -> str:
        data = form.cleaned_data
        services.statement_resolve(
            statement_id=statement.pk,
            user=request.user,
            resolution=data["comment"],
            credit=data["credit"],
            order_id=data["order"] if data["credit"] is not None else None,
        )
        return _("Differences resolved.")


class PaperConfirmationView(StatementAction):
    form_class = forms.PaperConfirmationForm

    def perform(self, request, statement, form, **kwargs) -> str:
        data = form.cleaned_data
        services.statement_confirm_on_paper(
            statement_id=statement.pk,
            user=request.user,
            name=data["name"],
            confirmed_on=data["confirmed_on"],
            scan=data["scan"],
            comment=data["comment"],
        )
        return _("The customer's paper confirmation is filed.")


class PaperDisputeView(StatementAction):
    form_class = forms.PaperDisputeForm

    def form_kwargs(self, statement) -> dict:
        return {"statement": statement}

    def perform(self, request, statement, form, **kwargs) -> str:
        data = form.cleaned_data
        services.statement_dispute_on_paper(
            statement_id=statement.pk,
            user=request.user,
            name=data["name"],
            disputed_on=data["disputed_on"],
            disputed={int(pk): data["reason"] for pk in data["disputed_lines"]},
            reason=data["reason"],
            scan=data["scan"],
        )
        return _("The customer's dispute on paper is recorded.")
