"""One digest per person per day, sent exactly once.

Healthchecks' sendreports pattern: the Digest row of (person, day) is created once (a unique
constraint), then claimed by a conditional update pending → sending; only the process whose
update touched the row sends the mail. A retry, a second beat or a second worker finds the row
claimed and sends nothing. A worker killed after the claim and before the SMTP hand-off loses
that one e-mail rather than risk sending it twice; the in-app list still shows the items."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from orders.models import Digest
from orders.planning.choices import DigestStatus
from orders.reminders.registry import ReminderItem
from orders.reminders.selection import collect


def claim_digest(*, user_id: int, day: date) -> Digest | None:
    """The digest row if this caller won it, else None."""
    try:
        with transaction.atomic():
            digest, _created = Digest.objects.get_or_create(user_id=user_id, day=day)
    except IntegrityError:
        digest = Digest.objects.get(user_id=user_id, day=day)
    won = Digest.objects.filter(pk=digest.pk, status=DigestStatus.PENDING).update(
        status=DigestStatus.SENDING, claimed_at=timezone.now()
    )
    return digest if won else None


def send_digests(*, today: date | None = None) -> int:
    """Send today's digest to everyone who has items and has not had it yet."""
    today = today or timezone.localdate()
    by_user = collect(today)
    users = (
        get_user_model()
        .objects.filter(pk__in=by_user, is_active=True)
        .select_related("profile")
        .order_by("pk")
    )
    sent = 0
    for user in users:
        if not user.email:
            continue
        digest = claim_digest(user_id=user.pk, day=today)
        if digest is None:
            continue
        items = by_user[user.pk]
        try:
            send_digest_mail(user, items, today)
        except Exception:
            # The mail server refused it: nothing went out, so the next run may send it.
            Digest.objects.filter(pk=digest.pk).update(status=DigestStatus.PENDING)
            raise
        Digest.objects.filter(pk=digest.pk).update(
            status=DigestStatus.SENT,
            sent_at=timezone.now(),
            item_count=len(items),
            escalated_count=sum(1 for item in items if item.escalated_from_id),
        )
        sent += 1
    return sent


def send_digest_mail(user, items: list[ReminderItem], today: date) -> None:
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    names = dict(
        get_user_model()
        .objects.filter(pk__in={i.escalated_from_id for i in items if i.escalated_from_id})
        .values_list("pk", "username")
    )
    with translation.override(language):
        context = {
            "user": user,
            "today": today,
            "own": [i for i in items if not i.escalated_from_id],
            "escalated": [
                (i, names.get(i.escalated_from_id, "")) for i in items if i.escalated_from_id
            ],
            "count": len(items),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("orders/mail/reminder_digest_subject.txt", context).strip()
        body = render_to_string("orders/mail/reminder_digest.txt", context)
    send_mail(subject, body, None, [user.email])


def my_reminders(user, *, today: date | None = None) -> list[ReminderItem]:
    """The in-app list: the same items as today's digest, live."""
    today = today or timezone.localdate()
    return collect(today).get(user.pk, [])
