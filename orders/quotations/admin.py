"""The manager's admin: quotations to read and approve (approval goes through the service, so
R18's special-price rule holds here too), and the special-price threshold."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from orders.admin.actions import run_each
from orders.quotations import models
from orders.quotations.services import quotation_approve


class CostingLineInline(admin.TabularInline):
    model = models.CostingLine
    extra = 0
    fields = ["kind", "description", "basis", "amount"]
    readonly_fields = fields
    can_delete = False


class PriceBreakInline(admin.TabularInline):
    model = models.PriceBreak
    extra = 0
    fields = ["min_quantity", "unit_price"]
    readonly_fields = fields
    can_delete = False


class EventInline(admin.TabularInline):
    model = models.QuotationEvent
    extra = 0
    fields = ["at", "actor", "action", "from_status", "to_status", "comment"]
    readonly_fields = fields
    can_delete = False


@admin.register(models.Quotation)
class QuotationAdmin(admin.ModelAdmin):
    list_display = ["label", "customer", "style_no", "status", "special_price", "valid_until"]
    list_filter = ["status", "special_price", "currency"]
    search_fields = ["style_no", "description", "customer__name"]
    readonly_fields = [
        "status",
        "number",
        "revision",
        "previous",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
        "special_price",
        "sent_at",
        "closed_at",
        "lost_reason",
        "order",
    ]
    raw_id_fields = ["customer", "merchandiser", "team"]
    inlines = [CostingLineInline, PriceBreakInline, EventInline]
    actions = ["approve"]

    def has_add_permission(self, request):
        return False  # drafted on the merchandiser's page, where the costing is entered

    @admin.action(description=_("Approve the quotation (R18)"))
    def approve(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda quotation: quotation_approve(quotation_id=quotation.pk, user=request.user),
            lambda quotation, approved: _("%(label)s approved.") % {"label": quotation.label},
            refused=lambda quotation, reason: f"{quotation.label}: {reason}",
        )


@admin.register(models.QuotationPolicy)
class QuotationPolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "special_price_margin_percent"]

    def has_add_permission(self, request):
        return not models.QuotationPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
