"""The plan section's POSTs, the lateness report and "My reminders". Each POST calls one
service; the services enforce the roles."""

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from orders import selectors
from orders.exports.lists import PlanTable, ProgressSheetTable
from orders.permissions import can_edit
from orders.planning import forms
from orders.planning.board import PlanBoardTable
from orders.planning.progress_report import progress_weekly_start, progress_weekly_stop
from orders.planning.selectors import lateness_by_responsibility
from orders.reminders.digests import my_reminders
from orders.services.common import ActionRefused
from orders.services.date_changes import date_change_decide, date_change_request
from orders.services.planning import milestone_complete, milestone_reopen, plan_build
from orders.services.progress import progress_report
from orders.views.generic import ObjectListView, OrderAction


class MilestoneDoneView(OrderAction):
    form_class = forms.MilestoneDoneForm

    def perform(self, request, obj, form, *, milestone_id: int) -> str:
        milestone = milestone_complete(
            milestone_id=obj.milestones.get(pk=milestone_id).pk,
            user=request.user,
            on=form.cleaned_data["on"],
            comment=form.cleaned_data["comment"],
        )
        return _("Done: %(milestone)s.") % {"milestone": milestone.label}


class MilestoneReopenView(OrderAction):
    form_class = forms.MilestoneReopenForm

    def perform(self, request, obj, form, *, milestone_id: int) -> str:
        milestone = milestone_reopen(
            milestone_id=obj.milestones.get(pk=milestone_id).pk,
            user=request.user,
            reason=form.cleaned_data["reason"],
        )
        return _("Reopened: %(milestone)s.") % {"milestone": milestone.label}


class PlanRebuildView(OrderAction):
    form_class = django_forms.Form

    def perform(self, request, obj, form) -> str:
        if not can_edit(obj, request.user):
            raise ActionRefused(_("You may not update the plan of this order."))
        plan_build(order=obj, user=request.user)
        return _("The plan was built again from the order's dates.")


class ProgressView(OrderAction):
    form_class = forms.ProgressForm

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        progress_report(
            order_id=obj.pk,
            user=request.user,
            step_id=data["step"].pk,
            reported_on=data["reported_on"],
            quantity_done=data["quantity_done"],
            quantity_scrapped=data["quantity_scrapped"],
            exception=data["exception"],
            completed=data["completed"],
        )
        return _("Progress saved.")


class ProgressWeeklyView(OrderAction):
    """Start or stop the weekly progress report to the customer."""

    form_class = forms.ProgressWeeklyForm

    def perform(self, request, obj, form) -> str:
        if form.cleaned_data["weekly"]:
            progress_weekly_start(order_id=obj.pk, user=request.user)
            return _("The customer gets the progress report every week, from today.")
        progress_weekly_stop(order_id=obj.pk, user=request.user)
        return _("Weekly progress reports to the customer stopped.")


class DateChangeView(OrderAction):
    form_class = forms.DateChangeForm

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        date_change_request(
            order_id=obj.pk,
            user=request.user,
            requested_by=data["requested_by"],
            proposed_date=data["proposed_date"],
            reason=data["reason"],
            responsible=data["responsible"],
        )
        return _("Date change recorded; it takes effect when the other side agrees.")


class DateChangeDecisionView(OrderAction):
    form_class = forms.DateChangeDecisionForm

    def perform(self, request, obj, form, *, change_id: int) -> str:
        data = form.cleaned_data
        change = date_change_decide(
            change_id=obj.date_changes.get(pk=change_id).pk,
            user=request.user,
            party=data["party"],
            agreed=data["agreed"],
            note=data["note"],
        )
        return _("Date change %(status)s.") % {"status": change.get_status_display().lower()}


@login_required
def lateness_report_view(request: HttpRequest) -> HttpResponse:
    rows, changes = lateness_by_responsibility(selectors.visible_orders(request.user))
    return render(request, "orders/planning/lateness.html", {"rows": rows, "changes": changes})


REMINDER_ROWS = 50  # per list; "show all" lists every item


@login_required
def my_reminders_view(request: HttpRequest) -> HttpResponse:
    items = my_reminders(request.user)
    digests = request.user.reminder_digests.all()[:14]
    own = [i for i in items if not i.escalated_from_id]
    escalated = [i for i in items if i.escalated_from_id]
    rows = None if request.GET.get("all") else REMINDER_ROWS
    return render(
        request,
        "orders/planning/reminders.html",
        {
            "own": own[:rows],
            "own_count": len(own),
            "escalated": escalated[:rows],
            "escalated_count": len(escalated),
            "digests": digests,
        },
    )


class ProgressSheetView(ObjectListView):
    """R26 across the orders the user sees, with the order list's filters."""

    table_class = ProgressSheetTable


class PlanListView(ObjectListView):
    table_class = PlanTable


class PlanBoardView(ObjectListView):
    """All the open orders a user follows, milestone by milestone; its export is the plans'."""

    table_class = PlanBoardTable
    template_name = "orders/planning/board.html"

    def extra_context(self) -> dict:
        today = timezone.localdate()
        return {"board": self.table.board(self.page_objects, today), "today": today}
