from django.contrib import admin

from shipping.statements.models import Statement, StatementBalance, StatementLine, StatementRecord


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BalanceInline(ReadOnlyInline):
    model = StatementBalance
    fields = ["currency", "opening", "invoiced", "received", "deducted", "closing"]


class LineInline(ReadOnlyInline):
    model = StatementLine
    fields = ["currency", "day", "kind", "order", "reference", "amount", "disputed"]
    fields += ["dispute_reason"]


class RecordInline(ReadOnlyInline):
    model = StatementRecord
    fields = ["at", "action", "from_status", "to_status", "actor", "actor_name", "comment"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """Read here; drawn up, sent and resolved on the site (/statements/), so R31 holds."""

    list_display = ["__str__", "customer", "period", "status", "sent_at", "answered_at"]
    list_filter = ["status", "period"]
    search_fields = ["customer__name"]
    readonly_fields = [field.name for field in Statement._meta.fields]
    inlines = [BalanceInline, LineInline, RecordInline]

    def has_add_permission(self, request):
        return False
