"""A trim's picture (R24), printed on the trim list: orders.uploads checks it."""

from orders.uploads import validate_upload


def validate_trim_picture(upload) -> None:
    """The trim picture field's validator (its migrations name it)."""
    validate_upload(upload, "picture")
