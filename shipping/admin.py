"""The manager's admin: inspections, L/G letters (approve the shipment here too), shipment papers
and payments. Writes that carry a rule go through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from orders.admin.actions import run_each
from shipping import models
from shipping.services import guarantee_letter_approve


class DefectCountInline(admin.TabularInline):
    model = models.DefectCount
    extra = 0
    can_delete = False
    readonly_fields = ["defect_class", "aql", "code_letter", "sample_size", "accept", "reject"]
    readonly_fields += ["found"]


class DefectInline(admin.TabularInline):
    model = models.Defect
    extra = 0


@admin.register(models.InspectionBooking)
class InspectionBookingAdmin(admin.ModelAdmin):
    list_display = ["order", "kind", "party", "planned_date", "booked_at", "lot_size", "level"]
    list_filter = ["kind", "party"]
    search_fields = ["order__po_number", "order__style_no", "inspection_company"]
    raw_id_fields = ["order", "reinspection_of"]


@admin.register(models.InspectionReport)
class InspectionReportAdmin(admin.ModelAdmin):
    list_display = ["booking", "inspected_on", "verdict", "recorded_by"]
    list_filter = ["verdict"]
    search_fields = ["booking__order__po_number"]
    readonly_fields = ["verdict", "quantity_checked", "recorded_by", "recorded_at"]
    inlines = [DefectCountInline, DefectInline]


@admin.register(models.GuaranteeLetter)
class GuaranteeLetterAdmin(admin.ModelAdmin):
    list_display = ["order", "factory_responsible", "status_display", "approved_by", "approved_at"]
    search_fields = ["order__po_number", "factory_responsible"]
    readonly_fields = ["order", "report", "created_by", "created_at", "signed_at"]
    readonly_fields += ["signature_recorded_by", "approved_by", "approved_at", "approval_comment"]
    actions = ["approve_shipment"]

    @admin.display(description=_("status"))
    def status_display(self, letter):
        return letter.get_status_display()

    # The service checks the manager's role (R7); the admin grants managers view only.
    @admin.action(description=_("Approve shipment under L/G"), permissions=["view"])
    def approve_shipment(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda letter: guarantee_letter_approve(letter_id=letter.pk, user=request.user),
            lambda letter, approved: _("%(letter)s approved.") % {"letter": letter},
        )


@admin.register(models.InspectionCertificate)
class InspectionCertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "order", "issued_at", "guarantee_letter"]
    search_fields = ["number", "order__po_number"]


class PackingListRowInline(admin.TabularInline):
    model = models.PackingListRow
    extra = 0


@admin.register(models.PackingList)
class PackingListAdmin(admin.ModelAdmin):
    list_display = ["order", "pieces_per_carton", "generated_at"]
    inlines = [PackingListRowInline]


@admin.register(models.ExportDocument)
class ExportDocumentAdmin(admin.ModelAdmin):
    list_display = ["order", "kind", "number", "issued_on"]
    list_filter = ["kind"]
    search_fields = ["order__po_number", "number"]


@admin.register(models.Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["order", "kind", "amount", "currency", "received_on", "recorded_by"]
    list_filter = ["kind", "currency"]
    search_fields = ["order__po_number", "reference"]


@admin.register(models.Deduction)
class DeductionAdmin(admin.ModelAdmin):
    list_display = ["order", "source", "amount", "currency", "reason"]
    list_filter = ["source"]


for model in (
    models.ShippingMarks,
    models.CommercialInvoice,
    models.FreightBooking,
    models.FailureResolution,
):
    admin.site.register(model)


class DispatchLineInline(admin.TabularInline):
    model = models.DispatchLine
    extra = 0
    can_delete = False
    fields = ["model", "colour", "quantity", "cartons", "unit_price"]
    fields += ["prepared_quantity", "prepared_cartons"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class DispatchStepInline(admin.TabularInline):
    """R15: the steps are written by the services only, in order and by role."""

    model = models.DispatchStepRecord
    extra = 0
    can_delete = False
    fields = readonly_fields = ["step", "actor", "done_at", "comment"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    list_display = ["number", "order", "status", "waybill", "created_at"]
    list_filter = ["status"]
    search_fields = ["number", "order__po_number", "waybill"]
    readonly_fields = ["order", "number", "status", "waybill", "carrier", "created_at"]
    inlines = [DispatchLineInline, DispatchStepInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(models.InvoiceApprovalLevel)
class InvoiceApprovalLevelAdmin(admin.ModelAdmin):
    """R34: the levels an invoice request is signed at, in order; a request keeps the levels
    that stood when it was raised."""

    list_display = ["position", "role"]
    ordering = ["position"]


class InvoiceApprovalInline(admin.TabularInline):
    model = models.InvoiceApproval
    extra = 0
    can_delete = False
    readonly_fields = ["position", "role", "approved_by", "approved_at", "comment"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.InvoiceRequest)
class InvoiceRequestAdmin(admin.ModelAdmin):
    """Read here; raised, approved and invoiced on the order page, so R34 and the timeline hold."""

    list_display = ["order", "status", "amount", "currency", "raised_by", "raised_at"]
    list_filter = ["status"]
    search_fields = ["order__po_number"]
    readonly_fields = [field.name for field in models.InvoiceRequest._meta.fields]
    inlines = [InvoiceApprovalInline]

    def has_add_permission(self, request):
        return False
