"""R28: a repeat order takes over the original's trims list, to be ordered again."""

from orders.repeats.registry import register_repeat_copier
from suppliers.models import Trim

# What a trim is, as opposed to how far its procurement went on the original order.
TRIM_FIELDS = (
    "description",
    "source",
    "trim_sample",
    "customer_trim_sample",
    "supplier_id",
    "contact_id",
    "colour_standard",
    "size_standard",
    "unit_price",
    "currency",
    "consumption",
    "unit",
    "season_trim_id",
)


def copy_trims(original, repeat, user) -> None:
    Trim.objects.bulk_create(
        [
            Trim(
                order=repeat,
                picture=trim.picture.name if trim.picture else "",
                **{name: getattr(trim, name) for name in TRIM_FIELDS},
            )
            for trim in original.trims.all()
        ]
    )


def register() -> None:
    register_repeat_copier(code="suppliers", copy=copy_trims)
