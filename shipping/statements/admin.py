from django.contrib import admin

from shipping.statements.models import (
    InvoiceRun,
    InvoiceRunLine,
    InvoiceRunRecord,
    InvoicingPolicy,
    Statement,
    StatementBalance,
    StatementLine,
    StatementRecord,
)


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


class RunLineInline(ReadOnlyInline):
    model = InvoiceRunLine
    fields = ["number", "issued_on", "order", "currency", "amount"]


class RunRecordInline(ReadOnlyInline):
    model = InvoiceRunRecord
    fields = ["at", "action", "from_status", "to_status", "actor", "actor_name", "comment"]


@admin.register(InvoiceRun)
class InvoiceRunAdmin(admin.ModelAdmin):
    """Read here; drawn up, sent and confirmed on the site (/statements/invoices/), so R31
    holds."""

    list_display = ["__str__", "customer", "cutoff", "status", "sent_at", "received_at"]
    list_filter = ["status", "cutoff"]
    search_fields = ["customer__name"]
    readonly_fields = [field.name for field in InvoiceRun._meta.fields]
    inlines = [RunLineInline, RunRecordInline]

    def has_add_permission(self, request):
        return False


@admin.register(InvoicingPolicy)
class InvoicingPolicyAdmin(admin.ModelAdmin):
    """The general manager sets the cut-offs (R31: invoices three times a month)."""

    list_display = ["__str__", "first_cutoff", "second_cutoff", "receipt_days"]

    def has_add_permission(self, request):
        return not InvoicingPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
