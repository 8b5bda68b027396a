"""What orders/ itself keeps in the order file (R9): the customer's signed contract, every form
sent with each version's PDF, the signed copies that came back, and the e-mails that carried
them. Registered from orders.documents.setup."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.documents.order_file import FileEntry, register_file_source
from orders.documents.registry import get_form
from orders.models import ContractCheck, SentDocument


def _sent(order):
    return (
        SentDocument.objects.filter(order=order)
        .select_related("sent_by", "signed_copy_recorded_by")
        .order_by("form_code", "version")
    )


def _form_name(code: str) -> str:
    try:
        return str(get_form(code).name)
    except KeyError:
        return code


def _confirmed(document: SentDocument) -> str:
    if not document.is_confirmed:
        return ""
    return f"{document.confirmed_by_name} · {document.confirmed_at:%Y-%m-%d}"


def contract_entries(order) -> list[FileEntry]:
    check = ContractCheck.objects.filter(order=order).exclude(signed_contract="").first()
    if check is None:
        return []
    return [
        FileEntry(
            title=_("Contract signed by the customer (R5)"),
            date=check.checked_at,
            file=check.signed_contract,
            url=check.signed_contract.url,
        )
    ]


def form_entries(order) -> list[FileEntry]:
    return [
        FileEntry(
            title=f"{document.form_code} {_form_name(document.form_code)}",
            date=document.sent_at or document.queued_at,
            file=document.pdf or None,
            filename=f"{document.form_code}-v{document.version}.pdf",
            version=str(document.version),
            sent_to=f"{document.recipient_name} <{document.recipient_email}>",
            confirmed=_confirmed(document),
            url=reverse("documents:sent_pdf", args=[document.pk]) if document.pdf else "",
            note=document.get_status_display(),
        )
        for document in _sent(order)
    ]


def signed_copy_entries(order) -> list[FileEntry]:
    return [
        FileEntry(
            title=_("%(form)s signed by %(name)s")
            % {"form": document.form_code, "name": document.confirmed_by_name},
            date=document.signed_copy_at or document.confirmed_at,
            file=document.signed_copy,
            filename=f"{document.form_code}-v{document.version}-signed"
            + _extension(document.signed_copy.name),
            version=str(document.version),
            sent_to=document.recipient_name,
            confirmed=_confirmed(document),
            url=reverse("documents:signed_copy", args=[document.pk]),
        )
        for document in _sent(order).exclude(signed_copy="")
    ]


def mail_entries(order) -> list[FileEntry]:
    return [
        FileEntry(
            title=f"{document.form_code} v{document.version}: {document.message_id}",
            date=document.sent_at or document.queued_at,
            version=str(document.version),
            sent_to=f"{document.recipient_name} <{document.recipient_email}>",
            confirmed=_confirmed(document),
            note=document.get_status_display(),
        )
        for document in _sent(order)
    ]


def _extension(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def register() -> None:
    register_file_source(
        kind="contract", label=gettext_lazy("Contract"), entries=contract_entries, order=10
    )
    register_file_source(
        kind="forms", label=gettext_lazy("Forms sent"), entries=form_entries, order=20
    )
    register_file_source(
        kind="signed", label=gettext_lazy("Signed copies"), entries=signed_copy_entries, order=30
    )
    register_file_source(
        kind="mail", label=gettext_lazy("E-mails sent"), entries=mail_entries, order=90
    )
