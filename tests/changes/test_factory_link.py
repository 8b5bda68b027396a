"""R8: the factory answers the change notice through the link in its e-mail: it agrees, or
refuses with a comment; for an amendment its production side states what is cut and made (R14).
Receipt is confirmed with the answer; a request that no longer waits falls back to a receipt."""

import pytest
from django.urls import reverse

from orders.changes.choices import ChangeStatus, FactoryAnswer
from orders.changes.lifecycle import change_request_send, change_request_withdraw
from orders.documents import links
from orders.models import ChangeRequest, SentDocument
from tests.changes.conftest import at_stage, line, raise_change
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db


def notice_link(change) -> str:
    change_request_send(change_id=change.pk, user=change.raised_by)
    document = SentDocument.objects.get(form_code="F-CHG-001", object_id=change.pk)
    # As the worker leaves it after e-mailing (the tests do not render and mail the PDF).
    mark_sent(document.outbox_id)
    return reverse("documents:public", args=[links.make_token(document)])


def reload(change) -> ChangeRequest:
    return ChangeRequest.objects.get(pk=change.pk)


def test_r8_factory_agrees_through_its_link(client, order, merchandiser):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    url = notice_link(change)
    page = client.get(url).content.decode()
    assert 'name="agreed"' in page
    response = client.post(url, {"agreed": "1", "name": "王廠長", "comment": "可以"})
    assert response.status_code == 200
    answered = reload(change)
    assert answered.factory_answer == FactoryAnswer.AGREED
    assert answered.factory_answer_by == "王廠長"
    assert answered.factory_answer_recorded_by is None  # the factory itself, not staff
    document = SentDocument.objects.get(form_code="F-CHG-001", object_id=change.pk)
    assert document.is_confirmed and document.confirmed_by_name == "王廠長"


def test_a_refusal_through_the_link_needs_its_reason(client, order, merchandiser):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    url = notice_link(change)
    response = client.post(url, {"agreed": "0", "name": "王廠長", "comment": ""})
    assert response.status_code == 400
    assert reload(change).factory_answer == FactoryAnswer.PENDING
    assert not SentDocument.objects.get(form_code="F-CHG-001").is_confirmed
    client.post(url, {"agreed": "0", "name": "王廠長", "comment": "布料已裁"})
    assert reload(change).factory_answer == FactoryAnswer.REFUSED


def test_r14_the_production_side_states_cut_and_made_through_the_link(client, order, merchandiser):
    order = at_stage(order, "in_production")
    change = raise_change(
        order, merchandiser, is_amendment=True, lines={"Navy": {"sizes": {"S": 120, "M": 200}}}
    )
    url = notice_link(change)
    navy = line(order, "Navy")
    response = client.post(url, {"agreed": "1", "name": "生产部 刘主管", "comment": ""})
    assert response.status_code == 400  # refused: the cut and made figures are missing
    assert reload(change).factory_answer == FactoryAnswer.PENDING
    client.post(
        url,
        {"agreed": "1", "name": "生产部 刘主管", f"cut_{navy.pk}": "260", f"made_{navy.pk}": "90"},
    )
    answered = reload(change)
    assert answered.factory_answer == FactoryAnswer.AGREED
    assert answered.production_figures == {str(navy.pk): {"cut": 260, "made": 90}}


def test_a_withdrawn_change_only_takes_a_receipt(client, order, merchandiser):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    url = notice_link(change)
    change_request_withdraw(change_id=change.pk, user=merchandiser, reason="Customer cancelled")
    page = client.get(url).content.decode()
    assert 'name="agreed"' not in page
    assert reload(change).status == ChangeStatus.WITHDRAWN
