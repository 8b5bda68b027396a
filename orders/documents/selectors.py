"""Reads of the forms machinery."""

from django.contrib.contenttypes.models import ContentType

from orders import permissions
from orders.documents.registry import FormSpec, all_forms
from orders.models import Order, SentDocument


def sent_documents(*, order: Order):
    return (
        SentDocument.objects.filter(order=order)
        .select_related("sent_by", "content_type")
        .order_by("-queued_at", "-id")
    )


def forms_for(model) -> list[FormSpec]:
    label = model._meta.label
    return [spec for spec in all_forms() if spec.model == label]


def documents_section(*, order: Order, user) -> dict:
    """The order page's Documents section: the order's own forms and everything sent."""
    return {
        "forms": forms_for(Order),
        "documents": list(sent_documents(order=order)),
        "order_type": ContentType.objects.get_for_model(Order),
        "can_send": permissions.can_edit(order, user),
    }
