from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from orders.admin.importing import GuardedImportExportAdmin, StrictResource
from suppliers.models import Factory, FactoryContact


class FactoryResource(StrictResource):
    class Meta:
        model = Factory
        fields = ["name", "language", "email", "address"]
        import_id_fields = ["name"]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True


class FactoryContactInline(admin.TabularInline):
    model = FactoryContact
    extra = 0
    fields = ["name", "title", "email", "phone"]


@admin.register(Factory)
class FactoryAdmin(GuardedImportExportAdmin):
    resource_classes = [FactoryResource]
    list_display = ["name", "language", "email", "order_count"]
    list_filter = ["language"]
    search_fields = ["name", "email", "contacts__name"]
    inlines = [FactoryContactInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(order_count=Count("orders", distinct=True))

    @admin.display(description=_("orders"), ordering="order_count")
    def order_count(self, factory: Factory) -> int:
        return factory.order_count
