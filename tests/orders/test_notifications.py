"""Approval e-mails leave through Celery after the commit, in each reader's language.

Plain `pytest` runs the task eagerly; with GENDAN_CELERY_WORKER=1 (.ci/run's second pass) the same
tests go through Redis to a real worker process. Either way the mail reaches a real SMTP server."""

import re
import time

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from orders.roles import Role
from orders.services.transitions import order_transition
from tests.conftest import REAL_WORKER
from tests.factories import make_order, make_user, tick_contract

pytestmark = pytest.mark.worker

CJK = re.compile(r"[\u4e00-\u9fff]")
# Long enough for a retry the worker should not make to arrive (the test delay is 1 s, doubled).
QUIET_PERIOD = 4 if REAL_WORKER else 0


def submit_for_review(order):
    tick_contract(order)
    order_transition(order_id=order.pk, user=order.merchandiser, name="submit_for_review")


def expected_subject(order, language: str) -> str:
    with translation.override(language):
        return render_to_string("orders/mail/approval_needed_subject.txt", {"order": order}).strip()


def test_submit_mails_each_department_manager_in_their_language(smtp_sink, merchandiser, team):
    hant = make_user(Role.DEPARTMENT_MANAGER, team=team, language="zh-hant", is_staff=True)
    english = make_user(Role.DEPARTMENT_MANAGER, team=team, language="en", is_staff=True)
    order = make_order(merchandiser=merchandiser)

    submit_for_review(order)

    mails = {mail["To"]: mail for mail in smtp_sink.wait_for(2)}
    assert set(mails) == {hant.email, english.email}
    # A long encoded subject is folded; the fold leaves a space in front when parsed back.
    subjects = {to: mail["Subject"].strip() for to, mail in mails.items()}
    assert subjects[english.email] == expected_subject(order, "en")
    assert order.po_number in subjects[english.email]
    assert not CJK.search(subjects[english.email])
    assert subjects[hant.email] == expected_subject(order, "zh-hant")
    link = settings.SITE_URL + reverse("orders:detail", args=[order.pk])
    for mail in mails.values():
        assert link in mail.get_content()
    assert CJK.search(subjects[hant.email]), "zh-hant mail subject is not translated"


def test_smtp_failure_is_retried_and_delivers_exactly_one_mail(
    smtp_sink, merchandiser, department_manager
):
    order = make_order(merchandiser=merchandiser)
    smtp_sink.fail_next(1)

    submit_for_review(order)

    smtp_sink.wait_for(1)
    time.sleep(QUIET_PERIOD)
    assert smtp_sink.refused == 1
    assert [mail["To"] for mail in smtp_sink.messages] == [department_manager.email]
