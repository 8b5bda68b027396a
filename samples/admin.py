"""The group head signs comment letters here (R4); samples themselves change only through the
services, so the admin shows them read-only."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from orders.admin.actions import run_each
from samples import rules
from samples.choices import LetterStatus
from samples.models import (
    CommentLetter,
    Discrepancy,
    Measurement,
    SamplePiece,
    SampleRequest,
    StyleMasterFile,
)
from samples.services import comment_letter_sign, master_file_approve


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class PieceInline(ReadOnlyMixin, admin.TabularInline):
    model = SamplePiece
    extra = 0


class MeasurementInline(ReadOnlyMixin, admin.TabularInline):
    model = Measurement
    extra = 0
    fields = ["point_of_measure", "size", "spec", "tolerance", "actual", "accepted"]


class DiscrepancyInline(ReadOnlyMixin, admin.TabularInline):
    model = Discrepancy
    extra = 0
    fields = ["area", "description", "severity", "recorded_by"]


@admin.register(SampleRequest)
class SampleRequestAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["__str__", "sample_type", "round_no", "status", "requested_on", "decided_at"]
    list_filter = ["sample_type", "status"]
    search_fields = ["order__po_number", "style_no"]
    list_select_related = ["order"]
    inlines = [PieceInline, MeasurementInline, DiscrepancyInline]

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_staff


@admin.register(CommentLetter)
class CommentLetterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "layout", "status", "may_start_display", "signed_by", "signed_at"]
    list_filter = ["status", "layout"]
    search_fields = ["sample__order__po_number", "sample__style_no"]
    list_select_related = ["sample__order", "signed_by"]
    actions = ["sign_letters"]
    change_form_template = "admin/samples/commentletter/change_form.html"
    readonly_fields = [
        "sample",
        "layout",
        "status",
        "remarks",
        "document",
        "production_may_start",
        "created_by",
        "created_at",
        "signed_by",
        "signed_at",
        "sent_by",
        "sent_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_staff

    def has_change_permission(self, request, obj=None) -> bool:
        # "Change" here means signing: the fields stay read-only.
        return request.user.is_staff

    @admin.display(description=_("production may start"), boolean=True)
    def may_start_display(self, letter: CommentLetter) -> bool:
        return letter.may_start

    @admin.action(description=_("Sign the selected comment letters"))
    def sign_letters(self, request, queryset) -> None:
        self._sign(request, queryset)

    def _sign(self, request, letters) -> None:
        run_each(
            self,
            request,
            letters,
            lambda letter: comment_letter_sign(letter=letter, user=request.user),
            lambda letter, signed: _("Signed: %(letter)s") % {"letter": letter},
        )

    def get_urls(self):
        sign = require_POST(self.admin_site.admin_view(self.sign_view))
        return [
            path("<int:pk>/sign/", sign, name="samples_commentletter_sign"),
            *super().get_urls(),
        ]

    def sign_view(self, request, pk: int):
        self._sign(request, [get_object_or_404(CommentLetter, pk=pk)])
        return redirect(reverse("admin:samples_commentletter_change", args=[pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        letter = get_object_or_404(
            CommentLetter.objects.select_related("sample__order"), pk=object_id
        )
        extra_context = {
            **(extra_context or {}),
            "may_sign": letter.status == LetterStatus.DRAFT
            and rules.can_sign_comment_letter(letter.sample.order, request.user),
            "letter": letter,
            "languages": settings.LANGUAGES,
        }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(StyleMasterFile)
class StyleMasterFileAdmin(admin.ModelAdmin):
    list_display = ["customer", "style_no", "description", "approved_by", "approved_on"]
    list_filter = ["customer"]
    search_fields = ["style_no", "customer__name"]
    readonly_fields = ["approved_by", "approved_on", "created_at"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected master files"))
    def approve(self, request, queryset) -> None:
        run_each(
            self,
            request,
            queryset,
            lambda master_file: master_file_approve(master_file=master_file, user=request.user),
            lambda master_file, approved: f"{master_file}: " + _("Approved."),
        )
