"""Form widgets every app uses, so a kind of input looks and behaves the same on every page."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's date picker. It shows only ISO values (2026-03-01): a date rendered in the
    user's locale format (2026/03/01 in Chinese) would show as empty and be lost on save, so the
    value is always written in ISO; what users type is still read in their language's formats."""

    input_type = "date"

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs, format=format or "%Y-%m-%d")


class DateRangeWidget(django_filters.widgets.DateRangeWidget):
    """A from / to pair of date pickers for list filters; includes/range_field.html names the pair
    with the field's label, and each picker says which end it is."""

    def __init__(self, attrs=None):
        ends = (DateInput({"aria-label": _("From")}), DateInput({"aria-label": _("To")}))
        forms.MultiWidget.__init__(self, ends, attrs)
