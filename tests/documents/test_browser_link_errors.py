"""Issue 18 on the factory's link page: a refused confirmation takes focus to the error summary,
whose link reaches the field, and the field names its error."""

from unittest import mock

import pytest
from django.urls import reverse

from orders.documents import links
from orders.documents.services import document_send
from orders.outbox.tasks import deliver_outbox
from tests.outbox import mark_sent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_confirmation_without_a_name_takes_focus_to_the_summary(page, order, merchandiser):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    mark_sent(document.outbox_id)
    page.goto(reverse("documents:public", args=[links.make_token(document)]))

    page.fill("#id_name", " ")  # blank once trimmed: refused by the form, not the browser
    with page.expect_navigation():
        page.locator("form [type=submit]").click()

    assert page.evaluate("() => document.activeElement.classList.contains('form-errors')")
    page.locator(".form-errors a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_name"
    assert "id_name_error" in page.get_attribute("#id_name", "aria-describedby").split()
