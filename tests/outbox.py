"""Helpers for tests that need an outbox row in a given state, reached through its transitions
as a worker would reach it."""

from orders.outbox import delivery


def mark_sent(row_id: int) -> None:
    """What a worker records after the mail server accepted the mail."""
    row = delivery.claim(row_id)
    assert row is not None, "the outbox row could not be claimed"
    row.mark_sent()
    row.save()


def after_commit(*, execute: bool = True):
    """Run (or drop) what waits for the test's transaction to commit, as the real commit would:
    the outbox's dispatch among it."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=execute)
