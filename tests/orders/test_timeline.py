"""The timeline names every event in words, whichever app recorded it."""

import pytest
from django.urls import reverse

from orders.demo.contributors import satisfy_gates
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def test_events_of_other_apps_show_their_registered_labels(
    client, merchandiser, department_manager
):
    order = make_order(merchandiser=merchandiser)
    satisfy_gates(order, "start_production")  # samples, materials: events recorded by those apps
    actions = set(order.events.values_list("action", flat=True))
    assert "sample_approved" in actions

    client.force_login(merchandiser)
    page = client.get(reverse("orders:detail", args=[order.pk])).content.decode()

    assert "Sample approved" in page
    for action in actions - {""}:
        assert f">{action}<" not in page, f"timeline shows the raw code {action}"


def test_generated_text_is_shown_in_the_readers_language_not_the_writers(
    client, merchandiser, department_manager
):
    """A merchandiser working in English saves the contract check; a manager reading in
    Traditional Chinese sees the generated sentence in Chinese, and the admin names the
    plan's events by their label, not their code."""
    from django.utils import translation

    from orders.models import Profile
    from orders.models.review import CONTRACT_CHECK_ITEMS
    from orders.services.review import contract_check_update

    order = make_order(merchandiser=merchandiser)
    with translation.override("en"):
        contract_check_update(
            order_id=order.pk,
            user=merchandiser,
            items={name: True for name, _label in CONTRACT_CHECK_ITEMS},
            customer_signed=True,
        )
    Profile.objects.update_or_create(user=department_manager, defaults={"language": "zh-hant"})
    client.force_login(department_manager)
    page = client.get(reverse("orders:detail", args=[order.pk])).content.decode()
    with translation.override("zh-hant"):
        checked = translation.gettext("All items checked.")
    assert checked != "All items checked."
    assert checked in page
    assert "All items checked." not in page


def test_the_admin_heads_each_timeline_row_in_office_time_and_names_its_action(
    admin_client, merchandiser
):
    """The admin's inline heads each row with the event's __str__: in Hong Kong time like the
    row's own "at", and the action by its label (never a code such as plan_built)."""
    from datetime import UTC, datetime

    from orders.choices import EventKind
    from orders.services.common import record_event

    order = make_order(merchandiser=merchandiser)
    event = record_event(order, kind=EventKind.NOTE, action="plan_built")
    event.at = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # 04:30 the next day in Hong Kong
    event.save(update_fields=["at"])
    assert "2026-03-02 04:30" in str(event)
    page = admin_client.get(reverse("admin:orders_order_change", args=[order.pk])).content
    assert b">plan_built<" not in page
    assert b"Time-and-action plan built" in page


def test_rows_written_before_generated_text_show_known_sentences_and_codes_translated(
    merchandiser,
):
    """Older rows kept "All items checked." or a code like plan_built in their comment: a
    Chinese reader sees them in Chinese; what a person wrote stays as written."""
    from django.utils import translation

    from orders.choices import EventKind
    from orders.services.common import record_event

    order = make_order(merchandiser=merchandiser)
    checked = record_event(order, kind=EventKind.NOTE, comment="All items checked.")
    built = record_event(order, kind=EventKind.NOTE, comment="plan_built")
    written = record_event(order, kind=EventKind.NOTE, comment="All items checked, says Ann.")
    with translation.override("zh-hant"):
        assert checked.text == translation.gettext("All items checked.") != "All items checked."
        assert built.text == translation.gettext("Time-and-action plan built")
        assert built.text != "plan_built"
        assert written.text == "All items checked, says Ann."


def test_rule_codes_leave_headings_for_the_help_text_under_them():
    """Issue 15: headings such as "Check the trim card (R1)" read without the code, which moves
    into the "Business rules" help line under the heading."""
    from orders.templatetags.gendan import rule_help, without_rule_code

    assert without_rule_code("Check the trim card (R1)") == "Check the trim card"
    assert without_rule_code("付款（R25、R26）") == "付款"
    assert "R25, R26" in rule_help("付款（R25、R26）")
    assert rule_help("Collections by customer") == ""
