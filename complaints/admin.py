"""The manager's admin: complaints (approve the report here too) and returns (approve them here
too). Writes that carry a rule go through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from complaints import models
from complaints.services import complaint_approve, return_approve
from orders.admin.actions import run_each


class AttachmentInline(admin.TabularInline):
    model = models.ComplaintAttachment
    extra = 0
    readonly_fields = ["uploaded_by", "uploaded_at"]


@admin.register(models.Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["number", "order", "kind", "received_on", "status", "fault", "age_display"]
    list_filter = ["status", "kind", "fault"]
    search_fields = ["order__po_number", "order__style_no", "description"]
    raw_id_fields = ["order", "shipment", "inspection"]
    readonly_fields = ["status", "filed_by", "filed_at", "approved_by", "approved_at"]
    readonly_fields += ["analysed_by", "analysed_at", "replied_by", "replied_at", "closed_at"]
    readonly_fields += ["remedy_recorded_by"]
    inlines = [AttachmentInline]
    actions = ["approve_report"]

    @admin.display(description=_("age (days)"))
    def age_display(self, complaint):
        return complaint.age

    @admin.action(description=_("Approve the complaint handling report"))
    def approve_report(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda complaint: complaint_approve(complaint_id=complaint.pk, user=request.user),
            lambda obj, result: _("%(object)s approved.") % {"object": obj},
        )


@admin.register(models.FactoryClaim)
class FactoryClaimAdmin(admin.ModelAdmin):
    list_display = ["complaint", "factory", "amount", "currency", "raised_by", "raised_at"]
    readonly_fields = ["complaint", "factory", "amount", "currency", "deduction", "raised_by"]
    readonly_fields += ["raised_at"]


class ReturnLineInline(admin.TabularInline):
    model = models.ReturnLine
    extra = 0


class SignOffInline(admin.TabularInline):
    model = models.ReturnSignOff
    extra = 0
    can_delete = False
    readonly_fields = ["step", "signed_by", "signed_at", "comment"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.ReturnApplication)
class ReturnApplicationAdmin(admin.ModelAdmin):
    list_display = ["number", "order", "cause", "back_to_factory", "status", "applied_on"]
    list_filter = ["status", "cause", "back_to_factory"]
    search_fields = ["order__po_number", "reasons", "note_number"]
    raw_id_fields = ["order", "complaint"]
    readonly_fields = ["status", "created_by", "decided_by", "decided_at", "decision_reason"]
    readonly_fields += ["customer_notified_at", "received_by", "received_at", "note_number"]
    readonly_fields += ["note_issued_by", "note_issued_at"]
    inlines = [ReturnLineInline, SignOffInline]
    actions = ["approve_return"]

    @admin.action(description=_("Approve the return (a customer-caused one needs its page)"))
    def approve_return(self, request, queryset):
        # No reason can be given here, so R17 refuses customer-caused returns from this action.
        run_each(
            self,
            request,
            queryset,
            lambda application: return_approve(application_id=application.pk, user=request.user),
            lambda obj, result: _("%(object)s approved.") % {"object": obj},
        )


@admin.register(models.UnannouncedArrival)
class UnannouncedArrivalAdmin(admin.ModelAdmin):
    list_display = ["order", "arrived_on", "goods", "quantity", "decision", "decided_by"]
    list_filter = ["decision"]
    readonly_fields = ["decided_by", "decided_at"]
