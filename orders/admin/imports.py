"""Managers import customer P/Os in the admin too: the same form, job and preview as the site,
inside the admin's layout."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from orders.importing.forms import ImportForm
from orders.models import OrderImport
from orders.permissions import can_import_orders, can_see_import, is_managing
from orders.views.imports import job_context, start_import


@admin.register(OrderImport)
class OrderImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "customer", "status", "created_by", "created_at", "finished_at"]
    list_filter = ["status", "customer"]
    search_fields = ["filename", "customer__name"]
    list_select_related = ["customer", "created_by"]

    def has_add_permission(self, request) -> bool:
        return can_import_orders(request.user) and is_managing(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return is_managing(request.user) and (obj is None or can_see_import(obj, request.user))

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid() and (job := start_import(request, form)):
            return redirect("admin:orders_orderimport_change", job.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import customer P/Os"),
            "opts": self.model._meta,
            "form": form,
            "form_action": reverse("admin:orders_orderimport_add"),
        }
        return TemplateResponse(request, "admin/orders/orderimport/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, object_id)
        if job is None or not self.has_view_permission(request, job):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            **job_context(request, job),
            "title": str(job),
            "opts": self.model._meta,
            "back_to": request.path,
        }
        return TemplateResponse(request, "admin/orders/orderimport/job.html", context)
