"""Managers keep the office calendar, the time-and-action templates and the process steps
here; the orders' plans, progress, date changes and digests are shown, written by services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from orders.models import (
    DateChangeRequest,
    Digest,
    Holiday,
    MilestoneTemplate,
    OrderPlan,
    PlanTemplate,
    ProcessStep,
    ProgressReport,
)


class AtRiskFilter(admin.SimpleListFilter):
    title = _("at risk")
    parameter_name = "at_risk"

    def lookups(self, request, model_admin):
        return [("1", _("At risk")), ("0", _("On track"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(plan__at_risk=True)
        if self.value() == "0":
            return queryset.exclude(plan__at_risk=True)
        return queryset


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"


class MilestoneTemplateInline(admin.TabularInline):
    model = MilestoneTemplate
    extra = 1
    fields = [
        "position",
        "code",
        "name",
        "anchor",
        "anchor_action",
        "offset",
        "unit",
        "owner_role",
        "completed_by",
        "critical",
        "is_ex_factory",
    ]


@admin.register(PlanTemplate)
class PlanTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "customer", "product_type", "is_default", "active"]
    list_filter = ["is_default", "active"]
    search_fields = ["name", "customer__name", "product_type"]
    inlines = [MilestoneTemplateInline]


@admin.register(ProcessStep)
class ProcessStepAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "position", "active"]
    list_editable = ["position", "active"]


class ShownOnly(admin.ModelAdmin):
    """Written by the planning services (which keep the timeline); shown here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OrderPlan)
class OrderPlanAdmin(ShownOnly):
    list_display = ["order", "template", "projected_ex_factory_date", "delay_days", "at_risk"]
    list_filter = ["at_risk", "template"]
    list_select_related = ["order", "template"]
    search_fields = ["order__po_number", "order__style_no"]


@admin.register(ProgressReport)
class ProgressReportAdmin(ShownOnly):
    list_display = ["order", "step", "week_of", "quantity_done", "quantity_scrapped", "completed"]
    list_filter = ["step", "completed"]
    list_select_related = ["order", "step"]
    date_hierarchy = "week_of"


@admin.register(DateChangeRequest)
class DateChangeRequestAdmin(ShownOnly):
    list_display = [
        "order",
        "kind",
        "current_date",
        "proposed_date",
        "responsible",
        "status",
        "created_at",
    ]
    list_filter = ["status", "kind", "responsible"]
    list_select_related = ["order"]


@admin.register(Digest)
class DigestAdmin(ShownOnly):
    list_display = ["day", "user", "state", "item_count", "escalated_count"]
    list_filter = ["outbox__state", "day"]
    list_select_related = ["user", "outbox"]

    @admin.display(description=_("status"), ordering="outbox__state")
    def state(self, digest) -> str:
        return digest.outbox.get_state_display()
