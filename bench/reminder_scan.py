"""The daily reminder scan over many milestones, against the bare indexed SQL, in one run.

    .venv/bin/python bench/reminder_scan.py                       # 100,000 milestones, quick
    .venv/bin/python bench/reminder_scan.py --milestones 1000000  # the reference figure

Builds (once; --rebuild to start again) a database of orders with ten milestones each: a
separate SQLite file var/bench/reminder_scan_<N>.sqlite3, or the PostgreSQL database in
DATABASE_URL when it is set (use a scratch database: the benchmark migrates and fills it).
Past milestones are mostly done, a few are overdue; future ones are open. Then it times

- the selector orders.reminders.selection.due_milestones (what the daily task runs), and
- the same rows fetched by hand-written SQL through the partial index milestone_open_due,

interleaved, --reps times each, and prints the medians and their ratio (aim: at most 1.5x).
It also counts the queries of the whole scan (collect(): every source, owners, escalation)
at 1,000 orders and at the full size: the count must not grow with the orders."""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

PER_ORDER = 10
BATCH = 20_000
CODES = [
    ("customer_reply", "order_date", 2, False),
    ("lab_dips", "ex_factory", -77, True),
    ("fabric_in_house", "ex_factory", -56, True),
    ("trims_in_house", "ex_factory", -49, True),
    ("pp_sample", "ex_factory", -45, True),
    ("cutting_start", "ex_factory", -39, True),
    ("inline_inspection", "ex_factory", -20, True),
    ("book_final_inspection", "ex_factory", -7, False),
    ("final_inspection", "ex_factory", -3, True),
    ("ex_factory", "ex_factory", 0, True),
]
ACTIVE = ["received", "in_review", "approved", "in_production", "inspection", "shipping"]

BARE_SQL = """
SELECT m.id, m.order_id, m.planned_date, m.code, m.name, m.owner_role,
       o.merchandiser_id, o.po_number, o.style_no
FROM orders_milestone m
JOIN orders_order o ON o.id = m.order_id
WHERE m.actual_date IS NULL AND m.planned_date <= %s
  AND o.stage IN ({stages})
"""


def setup_database(milestones: int, rebuild: bool) -> None:
    if "DATABASE_URL" not in os.environ:
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"reminder_scan_{milestones}.sqlite3"
        if rebuild and path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(orders: int, today: date, log, checkpoint) -> None:
    from django.contrib.auth.models import User
    from django.db import connection, transaction

    from orders.models import Customer, Milestone, Order, Team
    from suppliers.models import Factory

    if Order.objects.filter(po_number__startswith="BENCH-").count() >= orders:
        log(f"reusing {orders:,} orders and {Milestone.objects.count():,} milestones")
        return
    Order.objects.filter(po_number__startswith="BENCH-").delete()
    rng = random.Random(5)
    team, _ = Team.objects.get_or_create(name="Bench")
    users = [User.objects.get_or_create(username=f"bench{i}")[0] for i in range(40)]
    customer, _ = Customer.objects.get_or_create(name="Bench customer")
    factory, _ = Factory.objects.get_or_create(name="Bench factory", defaults={"email": "f@x.y"})
    started = time.monotonic()
    made = 0
    while made < orders:
        # The first batch stops at 1,000 orders, where the scan's queries are counted.
        count = min(1_000 if made == 0 else BATCH // PER_ORDER, orders - made)
        with transaction.atomic():
            batch = []
            for number in range(made, made + count):
                ex_factory = today + timedelta(days=rng.randint(-200, 200))
                stage = "settled" if ex_factory < today - timedelta(days=60) else rng.choice(ACTIVE)
                batch.append(
                    Order(
                        customer=customer,
                        factory=factory,
                        merchandiser=users[number % len(users)],
                        team=team,
                        po_number=f"BENCH-{number:07d}",
                        style_no=f"ST-{number % 997}",
                        description="Bench",
                        payment_terms="lc",
                        order_date=ex_factory - timedelta(days=120),
                        ex_factory_date=ex_factory,
                        customer_date=ex_factory + timedelta(days=14),
                        stage=stage,
                    )
                )
            created = Order.objects.bulk_create(batch)
            rows = []
            for order in created:
                for position, (code, anchor, offset, critical) in enumerate(CODES):
                    start = order.order_date if anchor == "order_date" else order.ex_factory_date
                    planned = start + timedelta(days=offset)
                    # Past milestones are done (a few stay overdue); future ones are open.
                    done = planned < today and rng.random() > 0.03
                    rows.append(
                        Milestone(
                            order=order,
                            position=position,
                            code=code,
                            anchor=anchor,
                            offset=offset,
                            critical=critical,
                            owner_role="qc" if "inspection" in code else "merchandiser",
                            planned_date=planned,
                            actual_date=planned if done else None,
                        )
                    )
            Milestone.objects.bulk_create(rows, batch_size=5_000)
        made += count
        if made == 1_000:
            checkpoint(made)
    # The planner's statistics, as a database in service has them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if made % 100_000 == 0 or made == orders:
            elapsed = time.monotonic() - started
            log(f"  {made:,} orders, {made * PER_ORDER:,} milestones ({elapsed:.0f} s)")


def scan_queries(today: date) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from orders.reminders.selection import collect

    with CaptureQueriesContext(connection) as captured:
        collect(today)
    return len(captured)


def timed(function, reps: int) -> tuple[list[float], int]:
    times, rows = [], 0
    for _ in range(reps):
        started = time.perf_counter()
        rows = len(function())
        times.append(time.perf_counter() - started)
    return times, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    orders = max(args.milestones // PER_ORDER, 1_000)
    setup_database(args.milestones, args.rebuild)

    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from orders.choices import ACTIVE_STAGES
    from orders.reminders.selection import due_milestones

    today = timezone.localdate()
    counts = {}
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    build(orders, today, print, lambda n: counts.__setitem__(n, scan_queries(today)))
    counts.setdefault(1_000, None)
    counts[orders] = scan_queries(today)

    cutoff = today + timedelta(days=settings.GENDAN_REMINDER_DAYS_AHEAD)
    stages = ", ".join(["%s"] * len(ACTIVE_STAGES))
    sql = BARE_SQL.format(stages=stages)
    params = [cutoff, *[str(stage) for stage in ACTIVE_STAGES]]

    def bare():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def selector():
        return list(due_milestones(today=today))

    with connection.cursor() as cursor:
        explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        cursor.execute(explain + sql, params)
        plan = [" ".join(str(c) for c in row) for row in cursor.fetchall()]
    bare()
    selector()  # warm the caches of both
    selector_times, bare_times = [], []
    for _ in range(args.reps):
        t, selector_rows = timed(selector, 1)
        selector_times += t
        t, bare_rows = timed(bare, 1)
        bare_times += t
    assert selector_rows == bare_rows, (selector_rows, bare_rows)
    s, b = statistics.median(selector_times), statistics.median(bare_times)
    from orders.models import Milestone

    print(
        f"milestones: {Milestone.objects.count():,} in {orders:,} orders; rows found: {bare_rows:,}"
    )
    print("query plan: " + " | ".join(plan))
    print(f"selector due_milestones: {s * 1000:8.1f} ms (median of {args.reps})")
    print(f"bare indexed SQL:        {b * 1000:8.1f} ms (median of {args.reps})")
    print(f"ratio: {s / b:.2f}x (aim <= 1.5x)")
    print(
        "queries of the whole scan (collect): "
        + ", ".join(f"{n:,} orders: {q}" for n, q in sorted(counts.items()) if q is not None)
    )


if __name__ == "__main__":
    main()
