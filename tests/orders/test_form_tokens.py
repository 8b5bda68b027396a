"""The one-time form tokens do not pile up: the beat's daily housekeeping forgets those of forms
submitted longer ago than GENDAN_FORM_TOKEN_DAYS, and keeps the recent ones (a double-click on a
form submitted yesterday is still refused)."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

import orders.tasks  # noqa: F401  (registers the tasks as the worker does)
from config.celery import app
from orders.models import FormSubmission
from orders.services.submissions import AlreadySubmitted, submission_claim
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _purge_task():
    (entry,) = (
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"].endswith("purge_form_tokens")
    )
    return app.tasks[entry["task"]]


def test_the_beat_purges_form_tokens_older_than_the_setting(settings):
    settings.GENDAN_FORM_TOKEN_DAYS = 30
    user = make_user()
    now = timezone.now()
    old, recent = uuid.uuid4(), uuid.uuid4()
    FormSubmission.objects.create(token=old, user=user, submitted_at=now - timedelta(days=31))
    FormSubmission.objects.create(token=recent, user=user, submitted_at=now - timedelta(days=1))

    assert _purge_task().apply().get() == 1

    assert list(FormSubmission.objects.values_list("token", flat=True)) == [recent]
    with pytest.raises(AlreadySubmitted):
        submission_claim(token=recent, user=user)
