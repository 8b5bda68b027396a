"""R4 in a real browser, in the three languages: a sample check with exactly one discrepancy
filled in (the other rows left as the page renders them) saves, and the 覆辦信 (comment letter)
can then be prepared from the sample's page."""

import pytest

from orders.roles import Role
from samples.models import CommentLetter
from tests.browser import log_in
from tests.english import english_left
from tests.factories import make_order, make_sample, make_user
from tests.test_browser_ui_pages import LANGUAGES, PASSWORD, overflow, switch_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_r4_one_discrepancy_saves_and_the_comment_letter_follows(page, live_server, team, language):
    merchandiser = make_user(Role.MERCHANDISER, team=team, language="en")
    sample = make_sample(make_order(merchandiser=merchandiser))
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, merchandiser.username, PASSWORD)
    switch_language(page, language)

    page.goto(f"/samples/{sample.pk}/check/")
    assert overflow(page) <= 0
    if language != "en":
        left = english_left(page.inner_text("main"))
        assert not left, f"the sample check in {language} shows English: {left}"
    assert page.locator("[name$='-description']").count() >= 3
    page.fill("[name='d-0-description']", "Pocket placed 1 cm too high")
    with page.expect_navigation():
        page.locator("main form button.primary[type=submit]").click()

    assert page.url.endswith(sample.get_absolute_url())
    assert list(sample.discrepancies.values_list("description", flat=True)) == [
        "Pocket placed 1 cm too high"
    ]
    assert "Pocket placed 1 cm too high" in page.inner_text("main")

    letters = page.locator(f"form[action='/samples/{sample.pk}/letter/']")
    with page.expect_navigation():
        letters.locator("button.primary").click()
    letter = CommentLetter.objects.get(sample=sample)
    assert letter.created_by == merchandiser
    assert page.locator("#letters tbody tr").count() == 1
    if language != "en":
        left = english_left(page.inner_text("main"))
        assert not left, f"the sample page in {language} shows English: {left}"
