"""Every list's export speaks the user's language: its title, the filters written above the
table and every column heading, in English, Traditional and Simplified Chinese (a heading the
same in every language, such as "AQL", names a code, not a word)."""

import pytest

from orders.roles import Role
from tests.exports.conftest import sheet_of
from tests.factories import make_user

pytestmark = pytest.mark.django_db

EXPORTS = [
    "/orders/",
    "/reports/progress/",
    "/reports/plans/",
    "/shipping/tracking/",
    "/shipping/inspections/",
    "/shipping/collections/",
    "/complaints/list/",
    "/complaints/returns/",
]


def _sheet(client, user, language: str, url: str) -> list[list]:
    user.profile.language = language
    user.profile.save()
    client.force_login(user)
    sheet, header_row = sheet_of(client.get(url, {"export": "xlsx"}))
    return [list(row) for row in sheet.iter_rows(max_row=header_row, values_only=True)]


# Headings that are codes, written the same in every language.
CODES = {"ETA"}


@pytest.mark.parametrize("url", EXPORTS)
def test_every_export_in_each_language(client, url, two_teams):
    manager = make_user(Role.DEPARTMENT_MANAGER, Role.FINANCE)
    english = _sheet(client, manager, "en", url)
    for language in ("zh-hant", "zh-hans"):
        chinese = _sheet(client, manager, language, url)
        (title, *_e), (exported, *_t) = chinese[0], chinese[1]
        assert title != english[0][0] and exported.split()[0] != english[1][0].split()[0]
        headings = list(zip(english[-1], chinese[-1], strict=True))
        untranslated = [en for en, zh in headings if en == zh and en not in CODES]
        assert untranslated == [], (language, untranslated)
    assert len({*english[-1]}) > 3
