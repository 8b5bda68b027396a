"""The P/O import screens: upload, the job's page (progress, preview, errors, result), confirm,
the status the page polls, and the template to download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders.choices import IMPORT_STATUS_COLOURS, ImportStatus
from orders.importing.forms import ImportForm
from orders.importing.services import import_confirm, import_upload
from orders.importing.template import template_workbook
from orders.models import Order, OrderImport
from orders.permissions import can_import_orders, can_see_import, is_managing
from orders.services.common import ActionRefused
from orders.views.generic import refusal_message

PREVIEW_ORDERS_PER_PAGE = 100


def _visible_imports(user):
    imports = OrderImport.objects.select_related("customer", "created_by")
    if is_managing(user):
        return imports
    return imports.filter(created_by=user)


def _job(request: HttpRequest, pk: int) -> OrderImport:
    job = get_object_or_404(OrderImport.objects.select_related("customer", "created_by"), pk=pk)
    if not can_see_import(job, request.user):
        raise Http404
    return job


def start_import(request: HttpRequest, form: ImportForm) -> OrderImport | None:
    """Upload a valid ImportForm's file (the import page's and the admin's): the new job, or
    None with the refusal shown as a message."""
    data = form.cleaned_data
    try:
        return import_upload(
            user=request.user,
            upload=data["file"],
            customer=data["customer"],
            merchandiser=data["merchandiser"],
            default_factory=data["default_factory"],
            currency=data["currency"],
            date_order=data["date_order"],
            language=translation.get_language(),
        )
    except ActionRefused as refused:
        messages.error(request, refusal_message(refused))
        return None


@login_required
def import_start_view(request: HttpRequest) -> HttpResponse:
    if not can_import_orders(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid() and (job := start_import(request, form)):
        return redirect(job)
    context = {"form": form, "imports": _visible_imports(request.user)[:20]}
    return render(request, "orders/imports/start.html", context)


@login_required
def import_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return render(request, "orders/imports/detail.html", job_context(request, job))


def job_context(request: HttpRequest, job: OrderImport) -> dict:
    """What the job's page shows; the admin shows the same inside its own layout."""
    preview = job.preview or {}
    # Every order of the file, a page at a time.
    page = Paginator(preview.get("orders", []), PREVIEW_ORDERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return {
        "job": job,
        "colour": IMPORT_STATUS_COLOURS.get(job.status, "grey"),
        "preview": preview,
        "orders": page.object_list,
        "page_obj": page,
        "may_confirm": job.status == ImportStatus.READY and can_import_orders(request.user),
        "created": Order.objects.filter(pk__in=job.order_ids).select_related("customer")[:200]
        if job.status == ImportStatus.IMPORTED
        else [],
        "retry_form": ImportForm(
            user=request.user,
            initial={
                "customer": job.customer_id,
                "default_factory": job.default_factory_id,
                "currency": job.currency,
                "date_order": job.date_order,
                "merchandiser": job.merchandiser_id,
            },
        )
        if job.status in (ImportStatus.REJECTED, ImportStatus.FAILED)
        else None,
    }


@login_required
def import_status_view(request: HttpRequest, pk: int) -> JsonResponse:
    job = _job(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": str(job.get_status_display()),
            "phase": str(job.get_phase_display()) if job.phase else "",
            "done": job.progress_done,
            "total": job.progress_total,
            "percent": job.percent,
            "running": job.running,
        }
    )


@login_required
@require_POST
def import_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    try:
        import_confirm(import_id=job.pk, user=request.user)
    except ActionRefused as refused:
        messages.error(request, refusal_message(refused))
    back_to = request.POST.get("next", "")
    if back_to and url_has_allowed_host_and_scheme(back_to, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(back_to)
    return redirect(job)


@login_required
def import_template_view(request: HttpRequest) -> FileResponse:
    if not can_import_orders(request.user):
        raise PermissionDenied
    language = request.GET.get("language") or translation.get_language()
    if language not in {"en", "zh-hant", "zh-hans"}:
        raise Http404
    with translation.override(language):
        content = template_workbook()
        name = _("P-O import template") + f" ({language}).xlsx"
    return FileResponse(
        content,
        as_attachment=True,
        filename=name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
