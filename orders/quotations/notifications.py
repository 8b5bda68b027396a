"""R18, as R10 for the contract: whoever must approve a submitted quotation is told (the general
manager and the deputy for a special price), and the submitter hears the decision. Each mail is
an outbox row written with the change (orders.outbox), sent after the commit in the
recipient's own language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from orders.notifications import users_with_role
from orders.outbox.registry import register_outbox_kind
from orders.outbox.services import outbox_enqueue
from orders.quotations import permissions

KIND = "quotation_mail"
MESSAGES = ("approval_needed", "approved", "rejected")


def _queue(quotation, user_ids, message: str, reason: str = "") -> None:
    user_ids = sorted(set(user_ids))
    emails = dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "email"))
    for user_id in user_ids:
        if not emails.get(user_id):
            continue
        outbox_enqueue(
            kind=KIND,
            recipient=emails[user_id],
            payload={
                "quotation_id": quotation.pk,
                "user_id": user_id,
                "message": message,
                "reason": reason,
            },
        )


def approval_needed(quotation) -> None:
    """Who may approve it: a manager, or the GM and the deputy for a special price."""
    roles = (
        permissions.SPECIAL_PRICE_ROLES
        if quotation.needs_special_approval()
        else permissions.APPROVER_ROLES
    )
    user_ids = {
        pk
        for role in roles
        for pk in users_with_role(role).values_list("pk", flat=True)
        if pk != quotation.submitted_by_id
    }
    _queue(quotation, user_ids, "approval_needed")


def decided(quotation, message: str, reason: str = "") -> None:
    """The submitter hears that the quotation was approved or rejected (and why)."""
    _queue(quotation, [quotation.submitted_by_id or quotation.merchandiser_id], message, reason)


def build_quotation_mail(row) -> EmailMessage | None:
    from orders.quotations.models import Quotation

    payload = row.payload
    user = get_user_model().objects.select_related("profile").filter(pk=payload["user_id"]).first()
    quotation = Quotation.objects.select_related("customer").filter(pk=payload["quotation_id"])
    quotation = quotation.first()
    if user is None or quotation is None or payload["message"] not in MESSAGES:
        return None
    language = getattr(getattr(user, "profile", None), "language", settings.LANGUAGE_CODE)
    name = f"quotations/mail/{payload['message']}"
    with translation.override(language):
        context = {
            "user": user,
            "quotation": quotation,
            "reason": payload.get("reason", ""),
            "url": settings.SITE_URL + quotation.get_absolute_url(),
        }
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        body = render_to_string(f"{name}.txt", context)
    return EmailMessage(subject, body, None, [user.email])


def register() -> None:
    register_outbox_kind(KIND, build=build_quotation_mail)
