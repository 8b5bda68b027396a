from django.contrib import admin

from orders.intake.models import PmcReply


@admin.register(PmcReply)
class PmcReplyAdmin(admin.ModelAdmin):
    """Read here (the managers follow late replies); asked and replied on the order page, so
    R13 and the timeline hold."""

    list_display = [
        "order",
        "status",
        "requested_by",
        "requested_at",
        "due_at",
        "replied_by",
        "replied_at",
        "delivery_date",
        "capacity_confirmed",
    ]
    list_filter = ["status", "capacity_confirmed"]
    list_select_related = ["order", "requested_by", "replied_by"]
    readonly_fields = [field.name for field in PmcReply._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
