"""Form fields every app uses for figures, bounded by the column they are stored in."""

from django import forms

INTEGER_MAX = 2_147_483_647
"""The largest value an integer column holds (PostgreSQL `integer`, which Django's IntegerField and
PositiveIntegerField use). A larger figure typed into a form overflowed the column on save or in a
query (OverflowError on SQLite, DataError on PostgreSQL) and answered 500 instead of the field's
error."""


class IntegerField(forms.IntegerField):
    """forms.IntegerField with an upper bound: the column's limit unless the form gives a smaller
    one. Above it the user reads Django's translated 'Ensure this value is less than or equal to …'
    on the field."""

    def __init__(self, *, max_value=INTEGER_MAX, **kwargs):
        super().__init__(max_value=INTEGER_MAX if max_value is None else max_value, **kwargs)
