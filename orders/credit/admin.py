from django.contrib import admin

from orders.credit.models import CreditException, CreditGuarantee


@admin.register(CreditGuarantee)
class CreditGuaranteeAdmin(admin.ModelAdmin):
    """Read here; given and decided on the order page, so R20 and the timeline hold."""

    list_display = ["order", "salesperson", "status", "recorded_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in CreditGuarantee._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(CreditException)
class CreditExceptionAdmin(admin.ModelAdmin):
    list_display = ["order", "granted_by", "granted_at", "reason"]
    readonly_fields = ["order", "granted_by", "granted_at", "reason"]

    def has_add_permission(self, request):
        return False
