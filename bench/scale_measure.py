"""Measuring one data set (one size) for bench/scale.py, in a process of its own.

Each page is fetched through Django's test client as its user: once to warm the caches (and
count its queries), then --reps times, timed; the median is kept. A page's time is the CPU time
it costs: this process's plus its PostgreSQL backend's (both read from the kernel's CPU-time
clocks of the two processes, in nanoseconds), so the other work on a shared machine does not
move the figures; the wall-clock
time is kept beside it. The time the page spends in the database is summed the same way over
its queries, leaving out the session and login ones that every page has. The hand-written SQL
is timed the same way. Peak memory is measured in a forked copy of
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


def _cpu_ns(pid: int | str) -> int:
    """CPU time of a process, up to the moment of asking. (/proc/<pid>/schedstat lags: for a
    running process it holds the time up to its last tick or switch, so the Python work just
    before a query was counted as the query's when the process blocked on it, up to a tick a
    query; the pages' database time was inflated by about a millisecond per query.)"""
    if pid == "self":
        return time.process_time_ns()
    try:
        return time.clock_gettime_ns(_process_clock(int(pid)))
    except OSError:  # not Linux, or not ours to read
        return 0


def _process_clock(pid: int) -> int:
    """The CPU-time clock of another process (Linux's clock_getcpuclockid: CPUCLOCK_SCHED of the
    whole process)."""
    return (~pid << 3) | 2


def backend_pid() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


class Clock:
    """CPU seconds of this process and of the database backend (SQLite runs in-process)."""

    def __init__(self):
        connection.ensure_connection()
        self.backend = backend_pid()

    def now(self) -> float:
        backend = _cpu_ns(self.backend) if self.backend else 0
        return (_cpu_ns("self") + backend) / 1e9


class DatabaseTimer:
    """An execute wrapper: how many queries, and the CPU time of those that are not about the
    login."""

    def __init__(self, clock: Clock):
        self.clock = clock
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = self.clock.now()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            if not set(TABLE.findall(sql)) <= LOGIN_TABLES:
                self.seconds += self.clock.now() - started


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
    last_page = (total + 24) // 25
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
        "last_page": last_page,
        "role_qc": Role.QC,
    }


def _median_of(function, reps: int, clock: Clock) -> tuple[float, list[float]]:
    times = []
    for _ in range(reps):
        started = clock.now()
        function()
        times.append(clock.now() - started)
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
    clock = Clock()
    timer = DatabaseTimer(clock)
    with connection.execute_wrapper(timer):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {url} answered {response.status_code}")
    queries = timer.queries
    times, walls, database = [], [], []
    for _ in range(reps):
        timer = DatabaseTimer(clock)
        with connection.execute_wrapper(timer):
            started, wall = clock.now(), time.perf_counter()
            client.get(url)
            times.append(clock.now() - started)
            walls.append(time.perf_counter() - wall)
        database.append(timer.seconds)
    result = {
        "name": page.name,
        "queries": queries,
        "time": statistics.median(times),
        "wall": statistics.median(walls),
        "database": statistics.median(database),
        "sql": None,
        "rows": None,
    }
    if page.sql:
        result["sql"], result["rows"] = time_sql(page.sql, params, reps, clock)
    result["memory"] = peak_memory_mb(lambda: client.get(url))
    return result


def time_sql(statements: list[str], params: dict, reps: int, clock: Clock) -> tuple[float, int]:
    def run() -> int:
        rows = 0
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, params)
                rows += len(cursor.fetchall())
        return rows

    rows = run()
    median, _times = _median_of(run, reps, clock)
    return median, rows


def open_plans() -> int:
    from orders.choices import ACTIVE_STAGES
    from orders.models import OrderPlan

    return OrderPlan.objects.filter(order__stage__in=ACTIVE_STAGES).count()


def measure_job(today, reps: int) -> dict:
    from django.conf import settings

    from orders.reminders.digests import send_digests
    from orders.services.reprojection import reproject_all

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

    clock = Clock()
    timer = DatabaseTimer(clock)
    with connection.execute_wrapper(timer):
        started, wall = clock.now(), time.perf_counter()
        job()
        first, first_wall = clock.now() - started, time.perf_counter() - wall
    _median, times = _median_of(job, reps - 1, clock) if reps > 1 else (first, [])
    plans = open_plans()
    return {
        "name": "daily job",
        "queries": timer.queries,
        "time": statistics.median([first, *times]),
        "wall": first_wall,
        "open_plans": plans,
        "memory": peak_memory_mb(job),
    }


def measure(
    size: int, today, reps: int, only: list[str], skip_job: bool, log, job_reps: int = 0
) -> dict:
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
        job = measure_job(today, job_reps or reps)
        log(f"  {size:>7,} orders  daily job {job['time']:.1f} s, {job['open_plans']:,} plans")
    return {"size": size, "pages": results, "job": job}
