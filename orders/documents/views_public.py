"""The page a factory opens from its e-mail: no account, only the signed link."""

from django import forms
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from orders.documents import links
from orders.documents.choices import DocumentStatus
from orders.documents.registry import get_form
from orders.documents.services import document_confirm
from orders.models import SentDocument
from orders.services.common import ActionRefused


class ConfirmForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signed_copy = forms.FileField(
        label=_("Signed copy (PDF, JPEG or PNG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


def _refuse(request, status: int, title, message):
    return render(
        request,
        "forms/public/link_problem.html",
        {"title": title, "message": message},
        status=status,
    )


def _document(request, token: str):
    """(document, None) for a good link, (None, error response) otherwise."""
    try:
        document_id, message_id = links.read_token(token)
    except links.LinkExpired:
        return None, _refuse(
            request,
            410,
            _("This link has expired"),
            _("Please ask the merchandiser who sent you the document for a new link."),
        )
    except links.LinkInvalid:
        return None, _refuse(
            request,
            400,
            _("This link is not valid"),
            _("The link is incomplete or was changed. Please open it again from the e-mail."),
        )
    document = (
        SentDocument.objects.select_related("order")
        .filter(pk=document_id, message_id=message_id)
        .first()
    )
    if document is None or document.status != DocumentStatus.SENT:
        return None, _refuse(
            request,
            404,
            _("Document not found"),
            _("This document is no longer available. Please contact the merchandiser."),
        )
    return document, None


@never_cache
@csrf_protect
def factory_page(request, token: str):
    document, problem = _document(request, token)
    if problem:
        return problem
    with override(document.recipient_language):
        form = ConfirmForm(request.POST or None, request.FILES or None)
        error = ""
        if request.method == "POST" and form.is_valid():
            try:
                document = document_confirm(
                    document_id=document.pk,
                    message_id=document.message_id,
                    name=form.cleaned_data["name"],
                    note=form.cleaned_data["note"],
                    signed_copy=form.cleaned_data["signed_copy"],
                )
            except ActionRefused as refused:
                error = refused.message
        context = {
            "document": document,
            "form_name": get_form(document.form_code).name,
            "form": form,
            "error": error,
            "token": token,
        }
        return render(request, "forms/public/document.html", context, status=400 if error else 200)


@never_cache
def factory_pdf(request, token: str):
    document, problem = _document(request, token)
    if problem:
        return problem
    if not document.pdf:
        raise Http404
    return FileResponse(document.pdf.open("rb"), content_type="application/pdf")
