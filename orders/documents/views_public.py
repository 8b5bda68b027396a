"""The page a factory opens from its e-mail: no account, only the signed link."""

from django import forms
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from orders.documents import links
from orders.documents.choices import DocumentStatus
from orders.documents.registry import LinkAnswer, get_form
from orders.documents.selectors import merchandiser_contact, replacement_of
from orders.documents.services import document_confirm, document_upload_signed_copy, held_message
from orders.forms import FreeText
from orders.models import CompanyProfile, SentDocument
from orders.services.common import ActionRefused


class ConfirmForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    note = FreeText(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signed_copy = forms.FileField(
        label=_("Signed copy (PDF, JPEG or PNG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class SignedCopyForm(forms.Form):
    """After confirming receipt the link stays open until the signed copy is in."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    signed_copy = forms.FileField(
        label=_("Signed copy (PDF, JPEG or PNG)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


def _refuse(request, status: int, title, message, document=None):
    """A link that cannot be used; when we know whose document it was (an expired link),
    the page names the merchandiser to ask, in the recipient's language."""
    context = {"title": title, "message": message}
    if document is not None:
        context |= _about(document)
        with override(document.recipient_language):
            return render(request, "forms/public/link_problem.html", context, status=status)
    return render(request, "forms/public/link_problem.html", context, status=status)


def _about(document) -> dict:
    """Whom the page comes from: the company, in the recipient's language, and the merchandiser
    to ask."""
    letterhead = CompanyProfile.current().for_language(document.recipient_language)
    return {
        "company_name": letterhead.name,
        "contact": merchandiser_contact(document.order or document.printed),
        "contact_label": get_form(document.form_code).contact_label,
    }


def _document(request, token: str):
    """(document, None) for a good link, (None, error response) otherwise."""
    try:
        document_id, message_id = links.read_token(token)
    except links.LinkExpired as expired:
        return None, _refuse(
            request,
            410,
            _("This link has expired"),
            _("Please ask the merchandiser who sent you the document for a new link."),
            document=_sent(expired.document_id, expired.message_id),
        )
    except links.LinkInvalid:
        return None, _refuse(
            request,
            400,
            _("This link is not valid"),
            _("The link is incomplete or was changed. Please open it again from the e-mail."),
        )
    document = _sent(document_id, message_id)
    newer = replacement_of(document) if document is not None else None
    if newer is not None:
        with override(document.recipient_language):
            message = _(
                "Version %(version)s of %(form)s (order revision %(revision)s), sent on "
                "%(date)s, replaces the one you opened. Please use the link in its e-mail."
            ) % {
                "version": newer.version,
                "form": document.form_code,
                "revision": newer.order_revision,
                "date": newer.queued_at.date().isoformat(),
            }
        return None, _refuse(
            request, 410, _("This document was replaced"), message, document=document
        )
    if document is not None and document.held_at_revision is not None:
        with override(document.recipient_language):
            message = held_message(document)
        return None, _refuse(
            request, 410, _("This document was replaced"), message, document=document
        )
    if document is None or document.status != DocumentStatus.SENT:
        return None, _refuse(
            request,
            404,
            _("Document not found"),
            _("This document is no longer available. Please contact the merchandiser."),
            document=document,
        )
    return document, None


def _sent(document_id, message_id) -> SentDocument | None:
    return (
        SentDocument.objects.select_related("order__merchandiser__profile")
        .filter(pk=document_id, message_id=message_id)
        .first()
    )


@never_cache
@csrf_protect
def factory_page(request, token: str):
    document, problem = _document(request, token)
    if problem:
        return problem
    with override(document.recipient_language):
        uploading = document.is_confirmed
        answer = _link_answer(document) if not uploading else None
        answered = _answered(document)
        if answered and not uploading:
            # Answered on paper (or otherwise closed) before the link was used: the page states
            # the answer as recorded; there is nothing to confirm or answer here any more.
            return render(
                request,
                "forms/public/document.html",
                _page(document, token, answered=answered),
            )
        data = request.POST or None
        if uploading and data is not None and _answered_again(request):
            data = None  # a double click on "Confirm receipt" (or the answer): it is in already
        if answer is not None:
            form = answer.form(document.printed, data, request.FILES or None)
        else:
            form_class = SignedCopyForm if uploading else ConfirmForm
            form = form_class(data, request.FILES or None)
        error = ""
        if request.method == "POST" and form.is_valid():
            try:
                document = _submit(document, form, uploading, answer)
            except ActionRefused as refused:
                error = refused.message
            else:
                form = SignedCopyForm() if not document.signed_copy else None
                answer = None
        context = _page(
            document,
            token,
            answer=answer,
            answered=_answered(document),
            form=form if not document.signed_copy else None,
            error=error,
        )
        status = 400 if error or (form is not None and form.errors) else 200
        return render(request, "forms/public/document.html", context, status=status)


def _page(document, token: str, **context) -> dict:
    return {
        "document": document,
        "form_name": get_form(document.form_code).name,
        "token": token,
        **_about(document),
        **context,
    }


def _answered(document) -> str:
    """The recipient's answer as recorded, once it is no longer awaited ("" otherwise)."""
    answer = get_form(document.form_code).link_answer
    if (
        answer is None
        or answer.answered is None
        or document.printed is None
        or answer.pending(document.printed)
    ):
        return ""
    return answer.answered(document.printed)


def _answered_again(request) -> bool:
    """The confirmation (or the answer) posted again once it is in, by a double click or a
    reload: it carries fields the signed-copy form does not have and no file. The page then shows
    the receipt as it stands, not "Signed copy: this field is required"."""
    posted = set(request.POST) - {"csrfmiddlewaretoken", *SignedCopyForm.base_fields}
    return not request.FILES and bool(posted)


def _link_answer(document) -> LinkAnswer | None:
    answer = get_form(document.form_code).link_answer
    if answer is None or document.printed is None or not answer.pending(document.printed):
        return None
    return answer


def _submit(document, form, uploading: bool, answer: LinkAnswer | None = None) -> SentDocument:
    data = form.cleaned_data
    if answer is not None:
        with transaction.atomic():
            answer.record(document.printed, form)
            return document_confirm(
                document_id=document.pk,
                message_id=document.message_id,
                name=data["name"],
                note=data.get("comment", ""),
            )
    if uploading:
        return document_upload_signed_copy(
            document_id=document.pk,
            message_id=document.message_id,
            name=data["name"],
            signed_copy=data["signed_copy"],
        )
    return document_confirm(
        document_id=document.pk,
        message_id=document.message_id,
        name=data["name"],
        note=data["note"],
        signed_copy=data["signed_copy"],
    )


@never_cache
def factory_pdf(request, token: str):
    document, problem = _document(request, token)
    if problem:
        return problem
    if not document.pdf:
        raise Http404
    return FileResponse(document.pdf.open("rb"), content_type="application/pdf")
