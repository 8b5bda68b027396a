from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from orders.admin.importing import GuardedImportExportAdmin, StrictResource
from orders.models import ApprovalThreshold, Customer, CustomerContact, Team


class CustomerContactInline(admin.TabularInline):
    model = CustomerContact
    extra = 0
    fields = ["name", "title", "email", "phone"]


class CustomerResource(StrictResource):
    class Meta:
        model = Customer
        fields = ["name", "country", "language", "default_payment_terms", "credit_class"]
        import_id_fields = ["name"]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True


@admin.register(Customer)
class CustomerAdmin(GuardedImportExportAdmin):
    resource_classes = [CustomerResource]
    list_display = [
        "name",
        "country",
        "language",
        "credit_class",
        "default_payment_terms",
        "order_count",
    ]
    list_filter = ["credit_class", "settlement", "language", "default_payment_terms", "country"]
    raw_id_fields = ["salesperson"]
    search_fields = ["name", "country", "contacts__name", "contacts__email"]
    inlines = [CustomerContactInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(order_count=Count("orders", distinct=True))

    @admin.display(description=_("orders"), ordering="order_count")
    def order_count(self, customer: Customer) -> int:
        return customer.order_count


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "head", "member_count"]
    list_select_related = ["head"]
    search_fields = ["name"]
    autocomplete_fields = ["head"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, team: Team) -> int:
        return team.member_count


@admin.register(ApprovalThreshold)
class ApprovalThresholdAdmin(admin.ModelAdmin):
    """R10: above these amounts a contract also needs the general manager."""

    list_display = ["currency", "amount"]
    ordering = ["currency"]
