"""Admin pages for the materials. Signatures and decisions go through the services (as actions),
so the admin records them on the order's timeline exactly like the screens do."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.admin.actions import run_each
from suppliers import services
from suppliers.models import (
    BulkFabricSubmission,
    FabricBooking,
    LabDip,
    LabDipSubmission,
    LabTest,
    LabTestItem,
    SeasonTrim,
    Supplier,
    SupplierContact,
    Trim,
    TrimCard,
)

SIGNATURE_FIELDS = ["signed_by", "signed_at", "sent_at"]


class SupplierContactInline(admin.TabularInline):
    model = SupplierContact
    extra = 0
    fields = ["name", "title", "email", "phone"]


@admin.register(Supplier)
class SupplierAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "approved", "language", "email"]
    list_filter = ["kind", "approved", "language"]
    search_fields = ["name", "email", "products", "contacts__name"]
    inlines = [SupplierContactInline]


class BulkFabricSubmissionInline(admin.TabularInline):
    model = BulkFabricSubmission
    extra = 0
    can_delete = False
    readonly_fields = [
        "round",
        "submitted_on",
        "with_wash_standard",
        "decision",
        "decided_by_party",
        "customer_reason",
        "comments",
        "signed_by",
        "decided_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FabricBooking)
class FabricBookingAdmin(admin.ModelAdmin):
    list_display = [
        "order",
        "fabric_name",
        "supplier",
        "delivery_date",
        "signed",
        "procurement_status",
        "short",
    ]
    list_filter = ["procurement_status", "tests_required", "supplier"]
    search_fields = ["order__po_number", "order__style_no", "fabric_name"]
    list_select_related = ["order", "supplier"]
    raw_id_fields = ["order"]
    readonly_fields = [*SIGNATURE_FIELDS, "procurement_status"]
    inlines = [BulkFabricSubmissionInline]
    actions = ["sign"]

    @admin.display(description=_("signed"), boolean=True)
    def signed(self, booking: FabricBooking) -> bool:
        return booking.is_signed

    @admin.display(description=_("shortage"), boolean=True)
    def short(self, booking: FabricBooking) -> bool:
        return booking.is_short

    def has_change_permission(self, request, obj=None) -> bool:
        # The booking's data changes through the screens' service (it voids the signature);
        # the admin signs.
        return request.user.is_superuser and super().has_change_permission(request, obj)

    @admin.action(description=_("Sign the selected fabric bookings (R2)"))
    def sign(self, request, queryset) -> None:
        run_each(
            self,
            request,
            queryset,
            lambda booking: services.fabric_booking_sign(booking_id=booking.pk, user=request.user),
            lambda booking, signed: _("%(b)s signed.") % {"b": booking},
        )


class LabDipSubmissionInline(admin.TabularInline):
    model = LabDipSubmission
    extra = 0
    can_delete = False
    fields = [
        "round",
        "submitted_on",
        "decision",
        "decided_by_party",
        "customer_reason",
        "comments",
        "recorded_by",
        "decided_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LabDip)
class LabDipAdmin(admin.ModelAdmin):
    list_display = ["order", "colourway"]
    search_fields = ["order__po_number", "colourway"]
    raw_id_fields = ["order", "booking"]
    inlines = [LabDipSubmissionInline]


class LabTestItemInline(admin.TabularInline):
    model = LabTestItem
    extra = 0
    fields = ["name", "requirement", "value", "passed"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LabTest)
class LabTestAdmin(admin.ModelAdmin):
    list_display = ["booking", "lab", "sent_on", "result", "reported_on", "failure_notified_at"]
    list_filter = ["result", "lab"]
    readonly_fields = ["result", "recorded_by", "failure_notified_at"]
    raw_id_fields = ["booking"]
    inlines = [LabTestItemInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(SeasonTrim)
class SeasonTrimAdmin(admin.ModelAdmin):
    list_display = ["description", "customer", "season", "approved_by", "approved_at"]
    list_filter = ["season", "customer"]
    search_fields = ["description", "customer__name"]
    readonly_fields = ["approved_by", "approved_at"]

    def save_model(self, request, obj, form, change) -> None:
        # Whoever saves a season-wide trim in the admin approves it, and the record says so.
        if obj.approved_at is None:
            obj.approved_by, obj.approved_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Trim)
class TrimAdmin(admin.ModelAdmin):
    list_display = ["order", "description", "source", "procurement_status", "short"]
    list_filter = ["source", "procurement_status"]
    search_fields = ["order__po_number", "description"]
    list_select_related = ["order"]
    raw_id_fields = ["order", "season_trim"]
    readonly_fields = ["procurement_status"]

    @admin.display(description=_("shortage"), boolean=True)
    def short(self, trim: Trim) -> bool:
        return trim.is_short

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(TrimCard)
class TrimCardAdmin(admin.ModelAdmin):
    list_display = ["order", "round", "received_on", "review_deadline", "status", "reviewed_by"]
    list_filter = ["status"]
    ordering = ["status", "review_deadline"]
    readonly_fields = [
        "order",
        "round",
        "received_on",
        "copies",
        "review_deadline",
        "status",
        "received_by",
        "reviewed_by",
        "reviewed_at",
        "errors",
        "qc_copy_at",
        "filed_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
