import time
from contextlib import contextmanager

import pytest

from config.celery import app as celery_app
from orders.outbox.services import outbox_sweep
from tests.mail_sink import free_port


def _reset_broker_pools() -> None:
    """The next publish opens a connection to conf.broker_url (kombu keeps the pools it made
    per URL, so the usual one is found again afterwards)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def broker_unreachable():
    """The broker goes away: this process publishes to a port where nothing listens (Redis
    down, or the network to it), for real, not eagerly."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.broker_write_url, conf.task_always_eager
    conf.broker_url = conf.broker_write_url = f"redis://127.0.0.1:{free_port()}/0"
    conf.task_always_eager = False
    _reset_broker_pools()
    try:
        yield
    finally:
        conf.broker_url, conf.broker_write_url, conf.task_always_eager = saved
        _reset_broker_pools()


def sweep_until(done, *, timeout: float, every: float = 1.0, sweep=outbox_sweep) -> float:
    """Run the sweep (the outbox's unless told; beat runs each every minute) until done();
    seconds it took."""
    start = time.monotonic()
    while not done():
        if time.monotonic() - start > timeout:
            pytest.fail(f"not delivered within {timeout:.0f} s")
        sweep()
        time.sleep(every)
    return time.monotonic() - start


from tests.documents.conftest import factory_hant, order  # noqa: E402, F401
from tests.planning.conftest import planned_order  # noqa: E402, F401
