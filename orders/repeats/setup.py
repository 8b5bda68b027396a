"""Wiring of R28, called from OrdersConfig.ready(): the artwork gate, the order page's section
and the timeline's labels."""

from django.utils.translation import gettext_lazy as _

from orders.choices import RepeatEvent, Stage
from orders.gates import register_gate
from orders.permissions import can_edit, can_enter_orders
from orders.repeats import rules
from orders.repeats.forms import ArtworkConfirmForm
from orders.repeats.rules import r28_may_repeat, repeat_of
from orders.sections import register_section
from orders.timeline import register_action_labels


def _section(order, user) -> dict:
    repeat = repeat_of(order)
    return {
        "repeat": repeat,
        "repeats": list(order.repeats.select_related("order")),
        "may_repeat": r28_may_repeat(order) and can_enter_orders(user),
        "may_confirm": repeat is not None
        and not repeat.artwork_confirmed
        and can_edit(order, user),
        "artwork_form": ArtworkConfirmForm(),
    }


def ready() -> None:
    register_gate(
        transition="start_production",
        code="repeat_artwork",
        label=_(
            "Repeat order: the customer confirmed the artwork and shipping marks are unchanged "
            "(R28)"
        ),
        cleared_by=_("Merchandiser, with the customer's confirmation"),
        check=rules.r28_artwork_confirmed,
        applies=rules.r28_is_repeat,
    )
    register_section(
        code="repeats",
        title=_("Repeat orders"),
        template="orders/repeats/section.html",
        context=_section,
        order=5,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED, Stage.SHIPPING, Stage.SETTLED],
        shown_for=rules.r28_concerns,
    )
    register_action_labels(dict(RepeatEvent.choices))
