"""Field ids for forms that share a page with others."""


class OwnIds:
    """A form that shares its page with other forms gives its fields ids of its own
    (id_<id_prefix>-<field>): the order page holds a payment and a deduction form that both have an
    `amount`, and two `id_amount` on one page send a label or an error link to the wrong field.
    Only the ids change: the field names, which the views read, stay as they are."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)
