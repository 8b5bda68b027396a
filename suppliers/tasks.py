from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from orders.models import CompanyProfile, Order
from suppliers.models import LabTest, SentNotice, TrimCard
from suppliers.notifications import NOTICES

LOADERS = {
    "lab_test_failed": lambda pk: {
        "test": LabTest.objects.select_related("booking", "lab").get(pk=pk),
    },
    "trim_card_returned": lambda pk: {"card": TrimCard.objects.get(pk=pk)},
}


def _retry_delay() -> int:
    return int(getattr(settings, "GENDAN_TASK_RETRY_DELAY", 30))


@shared_task(bind=True, max_retries=8)
def send_notice(
    self, kind: str, object_id: int, order_id: int, key: str, name: str, email: str, language: str
) -> bool:
    """Send one notice once: the SentNotice row is the claim, released again if sending fails
    so that the retry can send it."""
    try:
        with transaction.atomic():
            notice = SentNotice.objects.create(
                key=key, order_id=order_id, recipient=email, language=language
            )
    except IntegrityError:
        return False  # claimed by an earlier run: already sent or being sent
    order = Order.objects.select_related("customer", "factory").get(pk=order_id)
    template = NOTICES[kind]
    with translation.override(language):
        context = {
            "name": name,
            "order": order,
            "company_name": CompanyProfile.current().for_language(language).name,
            **LOADERS[kind](object_id),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    try:
        send_mail(subject, body, None, [email])
    except OSError as failure:
        notice.delete()
        raise self.retry(exc=failure, countdown=_retry_delay()) from failure
    notice.subject = subject[:255]
    notice.sent_at = timezone.now()
    notice.save(update_fields=["subject", "sent_at"])
    return True
