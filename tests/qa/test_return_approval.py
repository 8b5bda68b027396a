"""Found walking the seeded demo as each user (QA pass)."""

import pytest
from django.urls import reverse

from complaints.models import ReturnApplication
from orders.roles import Role
from tests.complaints.builders import apply_return, received_return
from tests.factories import make_order, make_user

pytestmark = pytest.mark.django_db


def test_only_the_gm_is_offered_to_approve_a_return_going_back_to_the_factory(
    client, merchandiser, department_manager, general_manager
):
    """The department manager saw "Approve the return" on goods going back to the factory, a
    button the service always refuses (R17: the GM approves those)."""

    application = apply_return(make_order(merchandiser=merchandiser), back_to_factory=True)
    approve = reverse("complaints:return_approve", args=[application.pk])
    refuse = reverse("complaints:return_refuse", args=[application.pk])

    client.force_login(department_manager)
    page = client.get(application.get_absolute_url()).content.decode()
    assert approve not in page and refuse in page

    client.force_login(general_manager)
    page = client.get(application.get_absolute_url()).content.decode()
    assert approve in page and refuse in page


def test_the_decision_line_keeps_saying_approved_once_the_goods_are_in(
    client, merchandiser, department_manager
):
    """After receipt the "Decision" line read "Received: sign-offs", the status, not what the
    leader decided."""

    application = received_return(
        make_order(merchandiser=merchandiser),
        leader=department_manager,
        warehouse=make_user(Role.WAREHOUSE),
    )
    assert application.status != "approved"
    client.force_login(merchandiser)
    page = client.get(ReturnApplication.objects.get(pk=application.pk).get_absolute_url())
    decision = page.content.decode().split("Decision</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert decision.startswith("Approved ·")
