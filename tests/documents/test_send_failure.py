"""A mail server that never answers: the send gives up after its retries and says so.

Eager only: a real worker would spend minutes in its growing retry countdowns."""

import pytest

from config.celery import app as celery_app
from orders.documents.choices import DocumentStatus
from orders.documents.services import document_send
from tests.documents.test_send import sent
from tests.mail_sink import free_port

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _retries_run_eagerly():
    """Celery retries an eager task only when its errors do not propagate."""
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = True


def test_smtp_down_for_good_marks_the_row_failed(order, merchandiser, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.GENDAN_TASK_RETRY_DELAY = 0
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert document.status == DocumentStatus.FAILED
    assert document.attempts == settings.GENDAN_OUTBOX_MAX_ATTEMPTS
    assert "ConnectionRefusedError" in document.last_error
