"""The browser plumbing works end to end: system Chromium, Playwright, live server, login."""

import pytest

from tests.browser import log_in

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password


def test_merchandiser_logs_in_and_sees_the_home_page(page, live_server, merchandiser):
    log_in(page, merchandiser.username, PASSWORD)

    assert "/accounts/login/" not in page.url
    assert page.locator(".username").inner_text() == merchandiser.username
    assert page.locator("form[action$='/accounts/logout/']").count() == 1


def test_wrong_password_stays_on_the_login_page(page, live_server, merchandiser):
    log_in(page, merchandiser.username, "not-the-password")

    assert page.url.endswith("/accounts/login/")
    assert page.locator("input[name=username]").count() == 1
