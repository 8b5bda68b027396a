"""The change notice to the factory (F-CHG-001): in the factory's language, the diff and the
impact, never the customer's prices; an amendment asks production for what is cut and made."""

import pytest

from orders.changes.notice import CHANGE_NOTICE
from orders.choices import Stage
from orders.documents.builtin_forms import PRODUCTION_ORDER
from orders.documents.render import render_html
from tests.changes.conftest import at_stage, raise_change, walk_to_applied

pytestmark = pytest.mark.django_db


def test_notice_shows_the_diff_in_the_factorys_language(order, merchandiser):
    change = raise_change(
        order,
        merchandiser,
        fields={"finishing": "Enzyme wash"},
        lines={"Navy": {"sizes": {"S": 150, "M": 200}, "unit_price": "5.95"}},
    )
    html = render_html(CHANGE_NOTICE, change, "zh-hans")
    assert "CR-1" in html and "Enzyme wash" in html
    assert "S: 100 → 150" in html and "300 → <strong>350</strong>" in html
    assert "5.95" not in html and "5.50" not in html  # prices stay between us and the customer
    english = render_html(CHANGE_NOTICE, change, "en")
    assert "Do not act on it yet" in english


def test_amendment_notice_asks_for_what_is_cut_and_made(order, merchandiser):
    order = at_stage(order, Stage.IN_PRODUCTION)
    change = raise_change(
        order, merchandiser, is_amendment=True, lines={"Navy": {"sizes": {"S": 90, "M": 200}}}
    )
    html = render_html(CHANGE_NOTICE, change, "en")
    assert "Contract amendment (合同修改單)" in html
    assert "Cut so far" in html and "Made so far" in html


def test_revised_production_order_says_what_changed(order, merchandiser, department_manager, clerk):
    change = raise_change(
        order,
        merchandiser,
        fields={"composition": "100% cotton"},
        lines={"Navy": {"sizes": {"S": 150, "M": 200}, "unit_price": "5.95"}},
    )
    walk_to_applied(change, merchandiser, department_manager, clerk)
    order.refresh_from_db(fields=["revision"])
    html = render_html(PRODUCTION_ORDER, order, "en")
    assert "Rev 2" in html and "100% cotton" in html and "Navy: 300 → 350" in html
    assert "5.95" not in html


def test_the_notice_leaves_only_through_the_send_step(order, merchandiser):
    from orders.documents.services import document_send
    from orders.services.common import ActionRefused

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    with pytest.raises(ActionRefused, match="not being sent to the factory"):
        document_send(spec_code="F-CHG-001", obj=change, user=merchandiser)
