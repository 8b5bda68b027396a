"""Measuring one data set (one size) for bench/scale.py, in a process of its own.

Each page is fetched through Django's test client as its user: once to warm the caches (and
count its queries), then --reps times, timed; the median is kept. The time the page spends in
the database is summed over its queries, leaving out the session and login ones that every page
has. The hand-written SQL is timed the same way. Peak memory is measured in a forked copy of
this process that fetches the page once: the growth of its resident set (VmHWM less the VmRSS
at the start), so memory the page allocates in C (database rows, PDF...) counts too. The daily
job runs in a transaction that is rolled back, so each run starts from the same data."""

import os
import re
import statistics
import time
from datetime import timedelta

from django.db import connection, connections, transaction

LOGIN_TABLES = {
    "django_session",
    "auth_user",
    "auth_group",
    "auth_user_groups",
    "auth_permission",
    "auth_group_permissions",
    "auth_user_user_permissions",
    "django_content_type",
    "orders_profile",
}
TABLE = re.compile(r'(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?', re.IGNORECASE)


class DatabaseTimer:
    """An execute wrapper: how many queries, and how long those that are not about the login."""

    def __init__(self):
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            if not set(TABLE.findall(sql)) <= LOGIN_TABLES:
                self.seconds += time.perf_counter() - started


def context(today) -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from orders.models import Customer, Order
    from orders.roles import Role
    from suppliers.models import Factory

    users = get_user_model().objects
    merch = users.select_related("profile").get(username="merch")
    manager = users.get(username="manager")
    order = (
        Order.objects.filter(merchandiser=merch, stage="in_production")
        .order_by("-ex_factory_date", "id")
        .first()
    )
    total = Order.objects.count()
    last_rows = total % 25 or 25
    escalate = today - timedelta(days=settings.GENDAN_ESCALATE_AFTER_DAYS)
    return {
        "today": today,
        "week": today + timedelta(days=7),
        "ahead": today + timedelta(days=settings.GENDAN_REMINDER_DAYS_AHEAD),
        "escalate": escalate,
        "me": merch.pk,
        "team": merch.profile.team_id,
        "manager": manager.pk,
        "order": order.pk,
        "factory": Factory.objects.order_by("id").first().pk,
        "customer": Customer.objects.order_by("id").first().pk,
        "search": "P000099",
        "search_like": "%P000099%",
        "last_page_rows": last_rows,
        "role_qc": Role.QC,
    }


def _median_of(function, reps: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def peak_memory_mb(function) -> float:
    """The resident memory `function` adds at its peak, run once in a forked copy."""
    connections.close_all()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy
        try:
            os.close(read)
            start = _status_kb("VmRSS")
            function()
            peak = _status_kb("VmHWM")
            os.write(write, str(max(peak - start, 0)).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return int(text or 0) / 1024


def _status_kb(key: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def measure_page(page, client, params: dict, reps: int) -> dict:
    url = page.url.format(**params)
    timer = DatabaseTimer()
    with connection.execute_wrapper(timer):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {url} answered {response.status_code}")
    queries = timer.queries
    times, database = [], []
    for _ in range(reps):
        timer = DatabaseTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - started)
        database.append(timer.seconds)
    result = {
        "name": page.name,
        "queries": queries,
        "time": statistics.median(times),
        "database": statistics.median(database),
        "sql": None,
        "rows": None,
    }
    if page.sql:
        result["sql"], result["rows"] = time_sql(page.sql, params, reps)
    result["memory"] = peak_memory_mb(lambda: client.get(url))
    return result


def time_sql(statements: list[str], params: dict, reps: int) -> tuple[float, int]:
    def run() -> int:
        rows = 0
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, params)
                rows += len(cursor.fetchall())
        return rows

    rows = run()
    median, _times = _median_of(run, reps)
    return median, rows


def open_plans() -> int:
    from orders.choices import ACTIVE_STAGES
    from orders.models import OrderPlan

    return OrderPlan.objects.filter(order__stage__in=ACTIVE_STAGES).count()


def measure_job(today, reps: int) -> dict:
    from django.conf import settings

    from orders.reminders.digests import send_digests
    from orders.services.planning import reproject_all

    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

    class Rollback(Exception):
        pass

    def job():
        try:
            with transaction.atomic():
                reproject_all(today=today)
                send_digests(today=today)
                raise Rollback
        except Rollback:
            pass

    timer = DatabaseTimer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        job()
        first = time.perf_counter() - started
    median, times = _median_of(job, reps - 1) if reps > 1 else (first, [])
    plans = open_plans()
    return {
        "name": "daily job",
        "queries": timer.queries,
        "time": statistics.median([first, *times]),
        "open_plans": plans,
        "memory": peak_memory_mb(job),
    }


def measure(size: int, today, reps: int, only: list[str], skip_job: bool, log) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bench.scale_pages import pages

    params = context(today)
    clients = {}
    results = []
    for page in pages():
        if only and not any(word.lower() in page.name.lower() for word in only):
            continue
        if page.user not in clients:
            clients[page.user] = Client()
            clients[page.user].force_login(get_user_model().objects.get(username=page.user))
        result = measure_page(page, clients[page.user], params, reps)
        log(f"  {size:>7,} orders  {page.name:28} {result['time'] * 1000:9.1f} ms")
        results.append(result)
    job = None
    if not skip_job:
        job = measure_job(today, reps)
        log(f"  {size:>7,} orders  daily job {job['time']:.1f} s, {job['open_plans']:,} plans")
    return {"size": size, "pages": results, "job": job}
