"""manage.py render_form: list the forms, render one, refuse bad input without writing."""

import pytest
from django.core.management import CommandError, call_command

from tests.documents.conftest import FACTORY_HANT, pdf_text

pytestmark = pytest.mark.django_db


def test_list_names_every_form_and_its_object(capsys):
    call_command("render_form", "--list")
    out = capsys.readouterr().out
    assert "F-ORD-001\tProduction order to factory\torders.Order" in out


def test_renders_pdf_in_the_recipients_language_by_default(order, tmp_path, capsys):
    path = tmp_path / "po.pdf"
    call_command("render_form", "F-ORD-001", str(order.pk), "-o", str(path))
    assert "(zh-hant)" in capsys.readouterr().out  # the factory reads Traditional Chinese
    assert FACTORY_HANT in pdf_text(path.read_bytes())


def test_renders_html_in_the_given_language(order, tmp_path):
    path = tmp_path / "po.html"
    call_command("render_form", "F-ORD-001", str(order.pk), "--lang", "en", "-o", str(path))
    assert 'lang="en"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["F-NOPE", "1"], "Unknown form"),
        (["F-ORD-001", "999999"], "No orders.Order with id"),
        (["F-ORD-001", "abc"], "No orders.Order with id"),
        (["F-ORD-001", "{pk}", "--lang", "fr"], "Unknown language"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(order, tmp_path, args, message):
    path = tmp_path / "out.pdf"
    args = [arg.format(pk=order.pk) for arg in args]
    with pytest.raises(CommandError, match=message):
        call_command("render_form", *args, "-o", str(path))
    assert not path.exists()


def test_missing_output_is_an_error():
    with pytest.raises(CommandError, match="-o PATH"):
        call_command("render_form", "F-ORD-001", "1")
