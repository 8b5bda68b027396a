"""Found walking the seeded demo as each user (QA pass)."""

import pytest
from django.utils import timezone

from orders.services.planning import milestone_complete, plan_build
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def test_plan_names_who_completed_a_milestone(client, merchandiser):
    """The plan showed the login name ("merch2") beside an actual date."""
    merchandiser.first_name, merchandiser.last_name = "Xiaomei", "Li"
    merchandiser.save()
    order = make_order(merchandiser=merchandiser)
    plan_build(order=order, user=merchandiser, today=timezone.localdate())
    milestone = order.milestones.get(code="pp_sample")
    milestone_complete(milestone_id=milestone.pk, user=merchandiser, on=timezone.localdate())
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert '<small class="muted">Xiaomei Li</small>' in page
    assert f'<small class="muted">{merchandiser.username}</small>' not in page
