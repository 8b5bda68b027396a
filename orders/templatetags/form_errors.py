"""The error summary at the top of a form that came back refused: one entry per error, linked to
the field to correct (includes/form_errors.html; static/js/focus_errors.js moves focus to it)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def field_target(field) -> str:
    """The id of the element a link to this field should reach: its input, or the first of its
    radio buttons or from / to inputs."""
    if field.id_for_label:
        return field.id_for_label
    subwidgets = field.subwidgets
    return (subwidgets[0].id_for_label if subwidgets else "") or field.auto_id or ""


def _form_entries(form, row: int | None = None) -> list[tuple[str, str]]:
    def named(label) -> str:
        return label if row is None else _("%(label)s, line %(row)s") % {"label": label, "row": row}

    where = "" if row is None else _("Line %(row)s") % {"row": row} + ": "
    entries = [("", f"{where}{error}") for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            if field.is_hidden:
                entries.append(("", str(error)))
            else:
                entries.append((field_target(field), f"{named(field.label)}: {error}"))
    return entries


@register.simple_tag
def error_entries(form, *formsets) -> list[tuple[str, str]]:
    """(id of the field or "", text) for every error of the form and of its formsets' rows."""
    entries = _form_entries(form) if form else []
    for formset in formsets:
        if not formset:
            continue
        entries += [("", str(error)) for error in formset.non_form_errors()]
        for row, line in enumerate(formset.forms, start=1):
            entries += _form_entries(line, row)
    return entries
