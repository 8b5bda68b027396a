"""R21: every morning each merchandiser gets the list of their overdue orders, once."""

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from config.celery import app
from shipping import selectors
from shipping.services import claim_reminder


@app.on_after_finalize.connect
def schedule_reminders(sender, **kwargs) -> None:
    sender.add_periodic_task(
        crontab(hour=8, minute=0), send_overdue_reminders.s(), name="shipping overdue reminders"
    )


@shared_task
def send_overdue_reminders() -> int:
    today = timezone.localdate()
    sent = 0
    for merchandiser, rows in selectors.overdue_by_merchandiser(today=today).items():
        if not merchandiser.email or not claim_reminder(user=merchandiser, today=today):
            continue
        send_overdue_reminder_mail(merchandiser, rows)
        sent += 1
    return sent


def send_overdue_reminder_mail(user, rows) -> None:
    profile = getattr(user, "profile", None)
    language = getattr(profile, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"user": user, "rows": rows, "site_url": settings.SITE_URL}
        subject = render_to_string("shipping/mail/overdue_subject.txt", context).strip()
        body = render_to_string("shipping/mail/overdue.txt", context)
    send_mail(subject, body, None, [user.email])
