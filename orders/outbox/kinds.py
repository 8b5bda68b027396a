"""The orders app's kinds of outbox e-mail: a note about an order to one person, a sent
document, a person's daily reminder digest."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from orders.choices import ApprovalStep
from orders.documents.delivery import document_message
from orders.models import Order, OutboxMessage
from orders.outbox.registry import register_outbox_kind

# The mail template (orders/mail/NAME.txt and NAME_subject.txt) for each order message.
ORDER_MAIL_TEMPLATES = {
    "approval_needed": "approval_needed",
    "change_approval_needed": "change_approval_needed",
    "return_for_changes": "returned",
    "approve": "approved",
    "cancel": "cancelled",
    "work_memo": "work_memo",
}


def build_order_mail(row: OutboxMessage) -> EmailMessage | None:
    """One person about one order, in that person's language, with a link to it."""
    payload = row.payload
    user = get_user_model().objects.select_related("profile").filter(pk=payload["user_id"]).first()
    order = Order.objects.select_related("customer").filter(pk=payload["order_id"]).first()
    if user is None or order is None:
        return None
    language = getattr(getattr(user, "profile", None), "language", settings.LANGUAGE_CODE)
    step = payload.get("step", "")
    with translation.override(language):
        context = {
            "user": user,
            "order": order,
            "step": ApprovalStep(step).label if step else "",
            "url": settings.SITE_URL + order.get_absolute_url(),
        }
        if payload.get("memo_id"):
            memo = order.work_memos.filter(pk=payload["memo_id"]).first()
            if memo is None:
                return None
            context["memo"] = memo
            context["url"] = settings.SITE_URL + memo.get_absolute_url()
        name = ORDER_MAIL_TEMPLATES[payload["message"]]
        subject = render_to_string(f"orders/mail/{name}_subject.txt", context).strip()
        body = render_to_string(f"orders/mail/{name}.txt", context)
    return EmailMessage(subject, body, None, [user.email])


def build_prepared_mail(row: OutboxMessage) -> EmailMessage:
    """A mail written in full when the row was made (a digest: its items as of that run)."""
    payload = row.payload
    return EmailMessage(payload["subject"], payload["body"], None, [row.recipient])


def build_document(row: OutboxMessage) -> EmailMessage | None:
    return document_message(row)


def register() -> None:
    register_outbox_kind("order_mail", build=build_order_mail)
    register_outbox_kind("digest", build=build_prepared_mail)
    register_outbox_kind("document", build=build_document)
