"""A plan template names the events that complete its milestones: a misspelt code would leave the
milestone open for ever (late flags and escalations following), so it is refused when entered,
and an existing one is reported by the system check that every migrate runs."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from orders.checks import milestone_event_codes
from orders.models import MilestoneTemplate, PlanTemplate

pytestmark = pytest.mark.django_db


def default_step(code: str) -> MilestoneTemplate:
    return PlanTemplate.objects.get(is_default=True).milestones.get(code=code)


def test_the_default_plan_waits_only_for_recorded_events():
    assert milestone_event_codes(databases=["default"]) == []


def test_a_misspelt_completing_code_is_refused_with_the_code_named():
    step = default_step("pp_sample")
    step.completed_by = "sample_aproved"
    with pytest.raises(ValidationError) as refused:
        step.full_clean()
    assert "sample_aproved" in " ".join(refused.value.message_dict["completed_by"])


def test_a_misspelt_anchor_event_is_refused():
    step = default_step("pp_sample")
    step.anchor_action = "order_aproved"
    with pytest.raises(ValidationError) as refused:
        step.full_clean()
    assert "anchor_action" in refused.value.message_dict


def test_recorded_codes_are_accepted():
    step = default_step("pp_sample")
    step.completed_by = "sample_approved trim_card_approved"
    step.full_clean()


def test_an_existing_typo_is_reported_by_the_database_check():
    MilestoneTemplate.objects.filter(pk=default_step("pp_sample").pk).update(
        completed_by="sample_aproved"
    )
    warnings = milestone_event_codes(databases=["default"])
    assert [w.id for w in warnings] == ["orders.W001"]
    assert "sample_aproved" in warnings[0].msg


def test_the_admin_refuses_a_typo_in_a_plan_template(admin_client):
    template = PlanTemplate.objects.get(is_default=True)
    url = reverse("admin:orders_plantemplate_change", args=[template.pk])
    page = admin_client.get(url).context
    prefix = page["inline_admin_formsets"][0].formset.prefix
    data = {k: v for k, v in page["adminform"].form.initial.items() if v not in (None, False)}
    step = {
        "code": "typo_step",
        "name": "Typo",
        "anchor": "ex_factory",
        "offset": "-3",
        "unit": "days",
        "owner_role": "merchandiser",
        "completed_by": "sample_aproved",
        "position": "500",
    }
    data.update({f"{prefix}-0-{key}": value for key, value in step.items()})
    data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"})
    answer = admin_client.post(url, data)
    assert answer.status_code == 200  # the form again, with the error
    assert "No event is recorded under sample_aproved" in answer.content.decode()
    assert not MilestoneTemplate.objects.filter(code="typo_step").exists()
