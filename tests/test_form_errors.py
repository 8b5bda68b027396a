"""Issue 18, forms: every field's help text and errors carry the ids its aria-describedby names,
whichever way the form is drawn ({{ form }}, includes/field.html, a formset cell), and a refused
form comes back with an error summary whose links each reach the field to correct."""

import importlib
import inspect
import re

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

from orders.widgets import DateInput
from tests.factories import make_order


class Sample(forms.Form):
    name = forms.CharField(label="Name", help_text="As on your card.")
    agreed = forms.ChoiceField(
        label="Agreed",
        choices=[("1", "Yes"), ("0", "No")],
        widget=forms.RadioSelect,
        help_text="Pick one.",
    )
    shipped_on = forms.DateField(label="Shipped on", widget=DateInput)
    urgent = forms.BooleanField(label="Urgent", required=True)


Lines = forms.formset_factory(
    type("Line", (forms.Form,), {"colour": forms.CharField(label="Colour", help_text="Pantone")}),
    extra=0,
)


def ids_of(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def references(html: str) -> list[str]:
    """Every id named by aria-describedby, label for, and the summary's links."""
    described = re.findall(r'aria-describedby="([^"]*)"', html)
    named = [ref for refs in described for ref in refs.split()]
    return named + re.findall(r'\sfor="([^"]*)"', html) + re.findall(r'href="#([^"]*)"', html)


def missing_references(html: str) -> list[str]:
    present = ids_of(html)
    return [ref for ref in references(html) if not ref or ref not in present]


def refused() -> Sample:
    form = Sample({"name": "", "shipped_on": "soon"})
    assert not form.is_valid()
    return form


def render(source: str, **context) -> str:
    return Template("{% load gendan %}" + source).render(Context(context))


def test_each_error_and_help_text_has_the_id_its_field_names():
    html = render("{{ form }}", form=refused())

    assert missing_references(html) == []
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_shipped_on_error"' in html
    # The radio buttons are a group: the fieldset, not each button, is described.
    fieldset = re.search(r"<fieldset[^>]*>", html).group(0)
    assert 'aria-describedby="id_agreed_helptext id_agreed_error"' in fieldset


def test_the_field_include_and_the_form_draw_fields_the_same_way():
    form = refused()
    by_include = render('{% include "includes/field.html" with field=form.name %}', form=form)
    assert by_include.strip() == form["name"].as_field_group().strip()


def test_a_formset_cell_carries_its_help_and_error_ids():
    lines = Lines({"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-colour": ""})
    assert not lines.is_valid()
    html = render("{% for line in lines %}{{ line.colour|in_row:1 }}{% endfor %}", lines=lines)

    assert missing_references(html) == []
    assert 'aria-label="Colour, line 1"' in html
    assert 'id="id_form-0-colour_error"' in html


def test_the_summary_links_every_error_to_its_field_the_formsets_rows_included():
    form = refused()
    lines = Lines({"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-colour": ""})
    lines.is_valid()
    summary = render(
        '{% include "includes/form_errors.html" with formset=lines %}', form=form, lines=lines
    )
    page = summary + render(
        "{{ form }}{% for line in lines %}{{ line.colour|in_row:1 }}{% endfor %}",
        form=form,
        lines=lines,
    )

    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [target for target, _ in links] == [
        "id_name",
        "id_agreed_0",  # the first radio button of the group
        "id_shipped_on",
        "id_urgent",
        "id_form-0-colour",
    ]
    assert "Colour, line 1: This field is required." in summary
    assert "data-focus-on-load" in summary
    assert missing_references(page) == []


@pytest.mark.django_db
def test_a_refused_order_page_names_only_ids_it_has(client, merchandiser):
    client.force_login(merchandiser)
    response = client.post(reverse("orders:create"), {"lines-TOTAL_FORMS": "1"})
    html = response.content.decode()

    assert response.status_code == 200
    assert 'class="form-errors"' in html
    assert missing_references(html) == []


SITE_FORM_MODULES = [
    "orders.forms",
    "orders.changes.forms",
    "orders.credit.forms",
    "orders.documents.forms",
    "orders.documents.views_public",
    "orders.importing.forms",
    "orders.intake.forms",
    "orders.memos.forms",
    "orders.planning.forms",
    "orders.quotations.forms",
    "orders.repeats.forms",
    "suppliers.forms",
    "samples.forms",
    "shipping.forms",
    "shipping.forms_dispatch",
    "shipping.forms_report",
    "complaints.forms",
]


def site_forms():
    """Every form of the site that can be made from its data alone (the others need their
    order or object, and are drawn by the same templates)."""
    for module_name in SITE_FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm) and form_class.__module__ == module_name:
                yield pytest.param(form_class, id=f"{module_name}.{name}")


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", list(site_forms()))
def test_every_refused_form_names_only_ids_it_draws(form_class):
    try:
        form = form_class(data={"unknown": "x"})
    except TypeError:
        pytest.skip("needs its order or object")
    form.is_valid()
    html = str(form) + render('{% include "includes/form_errors.html" %}', form=form)

    assert missing_references(html) == []


@pytest.mark.django_db
def test_an_action_refused_on_the_order_page_takes_focus_to_its_error(client, merchandiser):
    """The order page's small forms post to their own action and come back to the page; what
    was wrong is the message that focus moves to (static/js/focus_errors.js)."""
    order = make_order(merchandiser=merchandiser)
    client.force_login(merchandiser)

    response = client.post(reverse("orders:memo_send", args=[order.pk]), {}, follow=True)
    html = response.content.decode()

    # The message's live region (inside its list item) carries the focus.
    alert = re.search(r'<li class="message error"[^>]*><div role="alert"[^>]*>', html).group(0)
    first = html.index("data-focus-on-load")  # the first on the page takes the focus
    assert html.index(alert) < first < html.index(alert) + len(alert)
