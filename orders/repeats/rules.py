"""R28 under its name: which orders can be repeated, and what a repeat must still clear."""

from orders.choices import Stage
from orders.models import RepeatOrder

REPEATABLE_STAGES = (Stage.SHIPPING, Stage.SETTLED)


def r28_may_repeat(order) -> bool:
    """A style is repeated once it has been made: from shipping on."""
    return order.stage in REPEATABLE_STAGES


def repeat_of(order):
    return RepeatOrder.objects.filter(order=order).select_related("original").first()


def r28_artwork_confirmed(order) -> bool:
    """R28: a repeat's artwork and shipping marks are reused only after the customer confirms
    they are unchanged."""
    repeat = repeat_of(order)
    return repeat is None or repeat.artwork_confirmed


def r28_is_repeat(order) -> bool:
    return repeat_of(order) is not None


def r28_style_as_before(order) -> bool:
    """The style is made as before: nothing of its style data changed, neither when the repeat
    was entered nor by a change request since (the sample rules then waive a new PP round)."""
    if order.style_revision:
        return False
    repeat = repeat_of(order)
    return repeat is None or not repeat.style_changed()


def r28_concerns(order) -> bool:
    """The order page shows R28 on a repeat, on an order repeated, and once it can be."""
    return r28_may_repeat(order) or r28_is_repeat(order) or order.repeats.exists()
