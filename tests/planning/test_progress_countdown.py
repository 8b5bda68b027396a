"""R26's countdown to the date reads as words once the ex-factory date has passed."""

from django.template.loader import render_to_string

from orders.planning.selectors import ProgressSheet


def render(countdown: int) -> str:
    sheet = ProgressSheet(rows=[], total=1000, countdown=countdown)
    return render_to_string("orders/planning/progress.html", {"section": {"progress": sheet}})


def test_r26_countdown_before_the_date():
    assert "5 days to the ex-factory date." in render(5)


def test_r26_past_the_date_says_how_long_ago_not_a_negative_countdown():
    page = render(-7)
    assert "The ex-factory date passed 7 days ago." in page
    assert "-7" not in page
