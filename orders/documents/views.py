"""Screens for staff: preview a form, send it, re-send it, open what was sent."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from orders import permissions
from orders.documents import render
from orders.documents.registry import get_form
from orders.documents.services import (
    Recipient,
    document_record_signed_copy,
    document_resend,
    document_send,
)
from orders.models import Order, SentDocument
from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once
from orders.views.generic import refusal_message


def _form_and_object(request, code: str, object_id: int):
    try:
        spec = get_form(code)
        obj = spec.get_object(object_id)
    except (KeyError, ObjectDoesNotExist) as exc:
        raise Http404(_("No such form or object.")) from exc
    if not spec.may_see(obj, request.user):
        raise PermissionDenied
    return spec, obj, spec.owner_of(obj)


def _language(request, spec, obj) -> str:
    language = request.GET.get("lang") or Recipient.of(spec.recipient(obj)).language
    try:
        return render.check_language(language)
    except render.UnknownLanguage as exc:
        raise Http404(_("Unknown language.")) from exc


@login_required
def preview_html(request, code: str, object_id: int):
    spec, obj, _order = _form_and_object(request, code, object_id)
    language = _language(request, spec, obj)
    return HttpResponse(render.render_html(spec, obj, language, csp_nonce=request.csp_nonce))


@login_required
def preview_pdf(request, code: str, object_id: int):
    spec, obj, _order = _form_and_object(request, code, object_id)
    pdf = render.render_pdf(spec, obj, _language(request, spec, obj))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{spec.code}-{obj.pk}.pdf"'
    return response


def _back(owner, request=None):
    """To the page the form was sent from (a sample, a complaint), else the documents of the
    order it belongs to (or the page of the quotation, before any order)."""
    target = request.POST.get("next", "") if request is not None else ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # Not redirect(): it reads a posted word without a slash as a view's name (NoReverseMatch).
        return HttpResponseRedirect(target)
    anchor = "#documents" if isinstance(owner, Order) else ""
    return redirect(owner.get_absolute_url() + anchor)


def posted_language(request) -> str | None:
    """The language the sender chose for the form (None: the recipient's own)."""
    language = request.POST.get("lang") or None
    if language is not None and language not in render.LANGUAGES:
        raise Http404(_("Unknown language."))
    return language


@login_required
@require_POST
def send(request, code: str, object_id: int):
    spec, obj, order = _form_and_object(request, code, object_id)
    language = posted_language(request)
    try:
        with submitted_once(request):
            document = document_send(
                spec_code=spec.code, obj=obj, user=request.user, language=language
            )
    except ActionRefused as refused:
        messages.error(request, refusal_message(refused))
    else:
        messages.success(
            request,
            _("%(form)s version %(version)s is being sent to %(email)s.")
            % {"form": spec.code, "version": document.version, "email": document.recipient_email},
        )
    return _back(order, request)


def _sent_document(request, pk: int) -> SentDocument:
    document = get_object_or_404(SentDocument.objects.select_related("order"), pk=pk)
    if document.order_id is not None:
        seen = permissions.can_see(document.order, request.user)
    else:
        printed = document.printed
        seen = printed is not None and get_form(document.form_code).may_see(printed, request.user)
    if not seen:
        raise PermissionDenied
    return document


@login_required
@require_POST
def resend(request, pk: int):
    document = _sent_document(request, pk)
    try:
        with submitted_once(request):
            again = document_resend(document=document, user=request.user)
    except ActionRefused as refused:
        messages.error(request, refusal_message(refused))
    else:
        messages.success(
            request,
            _("%(form)s version %(version)s is being sent to %(email)s.")
            % {"form": again.form_code, "version": again.version, "email": again.recipient_email},
        )
    return _back(document.order or document.printed, request)


class SignedCopyForm(forms.Form):
    signed_by_name = forms.CharField(label=gettext_lazy("Signed by"), max_length=120)
    signed_copy = forms.FileField(label=gettext_lazy("Signed copy (PDF, JPEG or PNG)"))


@login_required
@require_POST
def record_signed_copy(request, pk: int):
    """Staff file the copy the recipient signed on paper (e.g. a customer's countersigned
    packing list, R30); it counts as the recipient's confirmation."""
    document = _sent_document(request, pk)
    form = SignedCopyForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Give who signed it and choose the file."))
        return _back(document.order or document.printed, request)
    try:
        document_record_signed_copy(
            document=document,
            user=request.user,
            signed_copy=form.cleaned_data["signed_copy"],
            signed_by_name=form.cleaned_data["signed_by_name"],
        )
    except ActionRefused as refused:
        messages.error(request, refusal_message(refused))
    else:
        messages.success(request, _("Signed copy filed."))
    return _back(document.order or document.printed, request)


def _file(field, *, inline: bool):
    if not field:
        raise Http404(_("There is no file."))
    return FileResponse(field.open("rb"), as_attachment=not inline)


@login_required
def sent_pdf(request, pk: int):
    return _file(_sent_document(request, pk).pdf, inline=True)


@login_required
def signed_copy(request, pk: int):
    return _file(_sent_document(request, pk).signed_copy, inline=False)
