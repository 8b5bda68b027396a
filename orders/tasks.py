from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from orders.choices import ApprovalStep
from orders.models import Order

# The mail template (orders/mail/NAME.txt and NAME_subject.txt) for each message.
TEMPLATES = {
    "approval_needed": "approval_needed",
    "change_approval_needed": "change_approval_needed",
    "return_for_changes": "returned",
    "approve": "approved",
    "cancel": "cancelled",
}


MAIL_MAX_RETRIES = 8


@shared_task(bind=True, max_retries=MAIL_MAX_RETRIES)
def send_order_mail(self, order_id: int, user_id: int, message: str, step: str = "") -> None:
    """E-mail one person about one order, in that person's language, with a link to it."""
    user = get_user_model().objects.select_related("profile").get(pk=user_id)
    order = Order.objects.select_related("customer").get(pk=order_id)
    language = getattr(getattr(user, "profile", None), "language", settings.LANGUAGE_CODE)
    with translation.override(language):
        context = {
            "user": user,
            "order": order,
            "step": ApprovalStep(step).label if step else "",
            "url": settings.SITE_URL + order.get_absolute_url(),
        }
        name = TEMPLATES[message]
        subject = render_to_string(f"orders/mail/{name}_subject.txt", context).strip()
        body = render_to_string(f"orders/mail/{name}.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except OSError as exc:
        # smtplib's errors are OSErrors. The delay is read at run time (not in the decorator) so
        # tests and deployments can shorten it through settings.
        delay = settings.GENDAN_TASK_RETRY_DELAY * 2**self.request.retries
        raise self.retry(exc=exc, countdown=delay) from exc


# The worker registers the planning tasks with this module's.
from orders.importing.tasks import check_import, run_import  # noqa: E402, F401
from orders.tasks_reminders import daily_reminders  # noqa: E402, F401
