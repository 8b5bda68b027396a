"""The company letterhead: one row, edited in the admin, printed on every form."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from orders.models import CompanyProfile


@admin.register(CompanyProfile)
class CompanyProfileAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name_en", "name_zh_hant", "name_zh_hans", "logo"]}),
        (None, {"fields": ["address_en", "address_zh_hant", "address_zh_hans"]}),
        (None, {"fields": ["phone", "fax", "email"]}),
    ]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not CompanyProfile.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one letterhead: open it (or the form that creates it from the default)."""
        current = CompanyProfile.objects.order_by("pk").first()
        if current is not None:
            return redirect(reverse("admin:orders_companyprofile_change", args=[current.pk]))
        return redirect(reverse("admin:orders_companyprofile_add"))

    def get_changeform_initial_data(self, request) -> dict:
        return {"name_en": CompanyProfile.current().name_en}
