"""R28: a repeat order takes over the original's shipping marks and artwork, not their
confirmation: the customer confirms them again for the new order (R23, R28); and its packing
data: the packing list is drawn up with the same cartons for the repeat's own lines."""

from orders.repeats.registry import register_repeat_copier
from shipping.models import PackingList, ShippingMarks
from shipping.services.shipment import packing_list_write


def copy_marks(original, repeat, user) -> None:
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


def copy_packing(original, repeat, user) -> None:
    packing_list = PackingList.objects.filter(order=original).first()
    if packing_list is not None:
        packing_list_write(repeat, packing_list.carton_spec(), user)


def copy_shipping_data(original, repeat, user) -> None:
    copy_marks(original, repeat, user)
    copy_packing(original, repeat, user)


def register() -> None:
    register_repeat_copier(code="shipping", copy=copy_shipping_data)
