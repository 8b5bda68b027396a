"""R28: a repeat order takes over the original's shipping marks and artwork, not their
confirmation: the customer confirms them again for the new order (R23, R28)."""

from orders.repeats.registry import register_repeat_copier


def copy_marks(original, repeat, user) -> None:
    from shipping.models import ShippingMarks

    marks = ShippingMarks.objects.filter(order=original).first()
    if marks is None:
        return
    ShippingMarks.objects.create(
        order=repeat,
        main_marks=marks.main_marks,
        side_marks=marks.side_marks,
        artwork=marks.artwork.name if marks.artwork else "",
        recorded_by=user,
    )


def register() -> None:
    register_repeat_copier(code="shipping", copy=copy_marks)
