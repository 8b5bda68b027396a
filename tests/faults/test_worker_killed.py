"""A worker SIGKILLed in the middle of a batch of 20 e-mails, then restarted: all 20 arrive
within 3 minutes, none twice. The dead worker's claim runs out after its lease (3 s here, to
keep the test short; GENDAN_OUTBOX_LEASE_SECONDS in production) and the sweep hands it on.

Only with the real worker of `make test-stack`: this test starts, kills and restarts its own
worker on a queue of its own."""

import os
import socket
import time

import pytest

from orders.models import OutboxMessage
from orders.outbox.choices import OutboxState
from orders.outbox.services import outbox_enqueue
from orders.roles import Role
from tests.conftest import REAL_WORKER
from tests.factories import make_order, make_user
from tests.faults.conftest import sweep_until
from tests.faults.figures import count, report
from tests.worker_process import kill_worker, start_worker, stop_worker, worker_env

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not REAL_WORKER, reason="needs the real worker of make test-stack"),
]

BATCH = 20
LEASE_SECONDS = 3
DEADLINE = 180


@pytest.fixture
def own_worker(settings, _smtp_server, _shared_media, tmp_path, django_db_blocker):
    """Start (and restart) a worker of this test's own on its own queue."""
    from django.db import connection

    queue = f"faults-{os.getpid()}"
    settings.GENDAN_OUTBOX_QUEUE = queue
    settings_dict = connection.settings_dict
    env = worker_env(
        settings_dict,
        _smtp_server,
        _shared_media,
        GENDAN_OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS),
        GENDAN_OUTBOX_QUEUE=queue,
    )
    started = []

    def start(n: int):
        name = f"gendan-faults-{os.getpid()}-{n}@{socket.gethostname()}"
        started.append(start_worker(name, env, tmp_path / "worker.log", queues=queue))
        return started[-1]

    yield start
    for process in started:
        if process.poll() is None:
            stop_worker(process)


def test_worker_killed_mid_batch_then_restarted(merchandiser, team, smtp_sink, own_worker):
    order = make_order(merchandiser=merchandiser)
    people = [make_user(Role.DEPARTMENT_MANAGER, team=team) for _ in range(BATCH)]
    smtp_sink.rcpt_delay = 0.3  # a slow mail server: the kill lands mid-batch
    first = own_worker(1)
    rows = [
        outbox_enqueue(
            kind="order_mail",
            recipient=person.email,
            payload={"order_id": order.pk, "user_id": person.pk, "message": "approve"},
        )
        for person in people
    ]
    ids = {row.message_id for row in rows}
    smtp_sink.wait_for(5, timeout=60)
    time.sleep(smtp_sink.rcpt_delay / 2)  # the sixth is on its way
    kill_worker(first)
    killed_at = time.monotonic()
    in_flight = OutboxMessage.objects.filter(state=OutboxState.SENDING).count()
    arrived_before_restart = len(smtp_sink.messages)
    own_worker(2)

    def all_delivered() -> bool:
        return count(smtp_sink.messages, ids)[0] == BATCH

    sweep_until(all_delivered, timeout=DEADLINE)
    seconds = time.monotonic() - killed_at
    time.sleep(LEASE_SECONDS + 2)  # a duplicate, if any, would arrive now
    delivered, duplicated = count(smtp_sink.messages, ids)
    report(
        f"worker SIGKILLed after {arrived_before_restart} of {BATCH} e-mails "
        f"({in_flight} claimed mid-send), then restarted",
        delivered=delivered,
        expected=BATCH,
        duplicated=duplicated,
        seconds=seconds,
    )
    assert (delivered, duplicated) == (BATCH, 0)
    assert seconds < DEADLINE
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {OutboxState.SENT}
