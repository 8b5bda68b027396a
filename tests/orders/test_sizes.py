"""Sizes read in size-chart order wherever they are listed, whatever order the database keeps."""

from orders.sizes import format_breakdown, ordered_sizes


def test_letter_sizes_follow_the_size_run_not_the_stored_key_order():
    # PostgreSQL's jsonb hands keys back shortest first: {"L": .., "M": .., "S": .., "XL": ..}
    stored = {"L": 140, "M": 240, "S": 120, "XL": 60, "XS": 20}
    assert format_breakdown(stored) == "XS:20, S:120, M:240, L:140, XL:60"


def test_numeric_sizes_by_value_and_unknown_labels_last():
    assert [size for size, _ in ordered_sizes({"32": 5, "28": 5, "30": 5, "ONE": 1})] == [
        "28", "30", "32", "ONE",
    ]  # fmt: skip


def test_empty_breakdown_lists_nothing():
    assert format_breakdown({}) == "" and format_breakdown(None) == ""
