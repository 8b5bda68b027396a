"""The order page's intake section (R13, R29) and its POSTs, and PMC's home panel. Each POST
calls one service."""

from django.utils.translation import gettext as _

from orders import selectors as order_selectors
from orders.intake import forms, permissions, rules, services
from orders.intake.choices import CommodityInspectionStep, PmcReplyStatus
from orders.intake.models import PmcReply
from orders.planning.commodity import R33_LABELS
from orders.roles import Role, has_role
from orders.views.generic import ServiceActionView


def section_context(order, user) -> dict:
    replies = list(order.pmc_replies.select_related("requested_by", "replied_by"))
    waiting = next((r for r in replies if r.status == PmcReplyStatus.WAITING), None)
    return {
        "order": order,
        "replies": replies,
        "waiting": waiting,
        "latest": rules.r13_latest_pmc_reply(order),
        "may_ask": waiting is None
        and order.stage in rules.INTAKE_STAGES
        and permissions.can_ask_pmc(order, user),
        "may_reply": waiting is not None and permissions.can_reply_delivery_date(waiting, user),
        "direct_order": rules.r29_applies(order),
        "signed_confirmation": rules.r29_signed_confirmation(order)
        if rules.r29_applies(order)
        else None,
        "countersignature": rules.r29_countersignature(order) if rules.r29_applies(order) else None,
        "may_countersign": rules.r29_applies(order)
        and rules.r29_countersignature(order) is None
        and permissions.can_record_po_countersignature(order, user),
        "countersign_form": forms.PoCountersignatureForm(),
        "ask_form": forms.AskPmcForm(),
        "reply_form": forms.PmcReplyForm(),
    }


def home_panel_context(user) -> dict | None:
    if not has_role(user, Role.PMC) or user.is_superuser:
        return None
    waiting = (
        PmcReply.objects.filter(
            status=PmcReplyStatus.WAITING,
            order__stage__in=rules.INTAKE_STAGES,
            order__in=order_selectors.visible_orders(user),
        )
        .select_related("order", "requested_by")
        .order_by("due_at", "id")
    )
    return {"replies": list(waiting)}


class AskPmcView(ServiceActionView):
    form_class = forms.AskPmcForm

    def get_object(self, request, pk):
        return order_selectors.order_detail(request.user, pk)

    def perform(self, request, obj, form) -> str:
        services.pmc_reply_ask(order_id=obj.pk, user=request.user, note=form.cleaned_data["note"])
        return _("PMC is asked for the capacity and a delivery date.")


class PmcReplyView(ServiceActionView):
    form_class = forms.PmcReplyForm

    def get_object(self, request, pk):
        reply = PmcReply.objects.select_related("order").get(pk=pk)
        order_selectors.order_detail(request.user, reply.order_id)  # 404 unless visible
        return reply.order

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        services.pmc_reply_give(
            reply_id=self.kwargs["pk"],
            user=request.user,
            delivery_date=data["delivery_date"],
            capacity_confirmed=data["capacity_confirmed"],
            note=data["note"],
        )
        return _("Delivery date replied: the merchandiser writes to the customer.")


class PoCountersignatureView(ServiceActionView):
    form_class = forms.PoCountersignatureForm

    def get_object(self, request, pk):
        return order_selectors.order_detail(request.user, pk)

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        services.po_countersignature_record(
            order_id=obj.pk,
            user=request.user,
            signed_by_name=data["signed_by_name"],
            signed_on=data["signed_on"],
            note=data["note"],
        )
        return _("The sales office's countersignature of the P/O is recorded (R29).")


def commodity_section_context(order, user) -> dict:
    """R33: each step of the commodity inspection, done (with its number, date and who recorded
    it) or open, and the form for the next one."""
    records = {
        record.step: record
        for record in order.commodity_inspection_records.select_related("recorded_by")
    }
    following = rules.r33_next_step(set(records))
    return {
        "order": order,
        "rows": [
            {"label": R33_LABELS[rules.R33_STEP_MILESTONES[step]], "record": records.get(step)}
            for step in CommodityInspectionStep.values
        ],
        "next": following,
        "next_label": CommodityInspectionStep(following).label if following else "",
        "may_record": permissions.can_record_commodity_inspection(order, user),
        "form": forms.CommodityInspectionForm(initial={"step": following}),
    }


class CommodityInspectionView(ServiceActionView):
    form_class = forms.CommodityInspectionForm

    def get_object(self, request, pk):
        return order_selectors.order_detail(request.user, pk)

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        record = services.commodity_inspection_record(
            order_id=obj.pk,
            user=request.user,
            step=data["step"],
            number=data["number"],
            on=data["on"],
        )
        return _("Recorded: %(step)s (R33).") % {"step": record.get_step_display()}
