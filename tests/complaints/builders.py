"""Builders for complaints and returns, walked through the services."""

from decimal import Decimal

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from complaints.choices import ComplaintKind, Fault, Remedy, ReturnCause, SignOffStep
from complaints.services import (
    complaint_analyse,
    complaint_approve,
    complaint_file,
    return_apply,
    return_approve,
    return_receive,
    return_sign_off,
)
from orders.roles import Role
from tests.factories import make_user
from tests.form_filler import PNG  # a whole picture: uploads are opened to prove it

PDF = b"%PDF-1.4\n%test\n"


def png(name: str = "photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name: str = "letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_warehouse_head(**fields):
    """A warehouse user with the head's permission (see complaints.permissions)."""
    user = make_user(Role.WAREHOUSE, **fields)
    user.user_permissions.add(Permission.objects.get(codename="sign_as_warehouse_head"))
    return user


def file_complaint(order, user=None, **fields):
    fields.setdefault("kind", ComplaintKind.QUALITY)
    fields.setdefault("description", "Loose threads on 40 pcs")
    fields.setdefault("quantity_affected", 40)
    return complaint_file(order_id=order.pk, user=user or order.merchandiser, **fields)


def analysed_complaint(order, *, leader, qc, fault=Fault.FACTORY, **fields):
    complaint = file_complaint(order, **fields)
    complaint_approve(complaint_id=complaint.pk, user=leader)
    return complaint_analyse(
        complaint_id=complaint.pk,
        user=qc,
        cause="Sewing tension not checked",
        corrective_action="Retrain line 3; 100% check",
        fault=fault,
    )


def apply_return(order, user=None, **fields):
    fields.setdefault("reasons", "Broken seams")
    fields.setdefault("cause", ReturnCause.COMPANY)
    fields.setdefault(
        "lines", [{"style_no": order.style_no, "colour": "Navy", "size": "M", "quantity": 20}]
    )
    return return_apply(order_id=order.pk, user=user or order.merchandiser, **fields)


def received_return(order, *, leader, warehouse, received=None, **fields):
    application = apply_return(order, **fields)
    return_approve(application_id=application.pk, user=leader, reason="ok")
    line = application.lines.get()
    return return_receive(
        application_id=application.pk,
        user=warehouse,
        received=received or {line.pk: line.quantity},
    )


def sign_all(application, signers: dict):
    for step in SignOffStep:
        return_sign_off(application_id=application.pk, user=signers[step], step=step)


__all__ = ["Decimal", "Remedy"]
