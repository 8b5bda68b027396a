"""The P/O import against a bare bulk_create, and the order list's export at scale.

    .venv/bin/python bench/import_orders.py                  # 10,000 lines, 100,000 orders
    .venv/bin/python bench/import_orders.py --export-orders 0  # the import only

Uses a scratch SQLite file under var/bench/ (rebuilt on every run), or the PostgreSQL database
in DATABASE_URL when it is set (use a scratch database: the benchmark migrates and fills it).

1. Import: an XLSX of --lines order lines (5 per P/O, sizes as columns) goes through the real
   import path, the check (the preview's dry run) and then the confirmed write: read, check
   every row, every order through orders_create (the new-order form's service). Against it, a
   bare bulk_create of the same orders and lines, and of every row the import writes (each
   order also gets its contract check, two timeline events, its plan and ~20 milestones).
   Prints the times and, last, `ratio <import / bulk_create of the same rows>` (aim: 2). Each
   time is wall-clock and CPU (this process); with the SQLite scratch file the database works in
   this process too, so the ratio is taken from CPU time, which other work on a shared machine
   does not move. With DATABASE_URL (PostgreSQL, a server process) it is taken from wall time.
2. Export: --export-orders generated orders exported as the order list's XLSX by a manager, in
   a child process whose peak memory (RSS) is read when it ends (aim: under 200 MB)."""

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
LINES_PER_ORDER = 5
SIZES = ("S", "M", "L", "XL")
COLOURS = ("Navy", "Black", "White", "Red", "Grey")


def setup_database(name: str) -> None:
    if "DATABASE_URL" not in os.environ:
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.sqlite3"
        if path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from config.celery import app

    app.conf.task_always_eager = True


def people():
    from django.contrib.auth.models import Group, User

    from orders.models import Customer, Profile, Team
    from orders.roles import Role
    from suppliers.models import Factory

    team, _ = Team.objects.get_or_create(name="Bench team")
    users = {}
    for role in (Role.MERCHANDISER, Role.DEPARTMENT_MANAGER):
        user, created = User.objects.get_or_create(username=f"bench-{role}")
        if created:
            user.groups.add(Group.objects.get(name=role))
            Profile.objects.create(user=user, team=team, language="en")
        users[role] = user
    # A customer of its own for each run: a P/O number is unique per customer, and a PostgreSQL
    # database keeps the orders of earlier runs (and the generated ones, which are reused).
    customer = Customer.objects.create(name=f"Bench Apparel {time.time_ns()}")
    factory, _ = Factory.objects.get_or_create(name="Bench Factory", defaults={"email": "f@x.org"})
    return users[Role.MERCHANDISER], users[Role.DEPARTMENT_MANAGER], customer, factory


def po_workbook(lines: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("PO")
    sheet.append(["P/O No.", "Style", "Description", "Colour", "Unit price", "Order date",
                  "Customer date", "Ex-factory", *SIZES])  # fmt: skip
    start = date.today()
    for n in range(lines):
        po = n // LINES_PER_ORDER
        sheet.append([f"PO-{po:06d}", f"ST-{po % 300}", "Knitted pullover", COLOURS[n % 5],
                      Decimal("7.25"), start, start + timedelta(days=120),
                      start + timedelta(days=110), 100, 200, 150, 50])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (CPU {self.cpu:.2f} s)"

    def ratio(self, other: "Timing", *, cpu: bool) -> float:
        return self.cpu / other.cpu if cpu else self.wall / other.wall


class Stopwatch:
    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        timing = Timing(wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return timing


def time_import(content: bytes, merchandiser, customer, factory) -> tuple[Timing, Timing, int]:
    """The upload queues the check and the confirm queues the write; the tasks run eagerly (in
    this process, as soon as the transaction commits), so each call times its whole pass."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from orders.importing.services import import_confirm, import_upload
    from orders.models import OrderImport

    clock = Stopwatch()
    job = import_upload(
        user=merchandiser,
        upload=SimpleUploadedFile("bench.xlsx", content),
        customer=customer,
        merchandiser=merchandiser,
        default_factory=factory,
        currency="USD",
        date_order="dmy",
        language="en",
    )
    check = clock.lap()
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == "ready", (job.file_error, job.row_errors[:5])
    clock.lap()
    import_confirm(import_id=job.pk, user=merchandiser)
    write = clock.lap()
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == "imported", (job.file_error, job.row_errors[:5])
    return check, write, len(job.order_ids)


def time_bulk_create(lines: int, merchandiser, customer, factory) -> tuple[Timing, Timing]:
    """Bare bulk_create of the same orders and lines; then also of every other row the import
    writes for them (contract checks, the two timeline events, the plan and its milestones,
    copied from the template without scheduling). Returns both times."""
    from orders.models import (
        ContractCheck,
        Milestone,
        Order,
        OrderEvent,
        OrderLine,
        OrderPlan,
        PlanTemplate,
    )
    from orders.services.planning import MILESTONE_FIELDS

    start = date.today()
    template = PlanTemplate.objects.filter(active=True, is_default=True).first()
    steps = list(template.milestones.order_by("position", "id")) if template else []
    clock = Stopwatch()
    orders = Order.objects.bulk_create(
        Order(customer=customer, po_number=f"BULK-{po:06d}", style_no=f"ST-{po % 300}",
              description="Knitted pullover", payment_terms="lc", order_date=start,
              customer_date=start + timedelta(days=120),
              ex_factory_date=start + timedelta(days=110),
              factory=factory, merchandiser=merchandiser, team_id=merchandiser.profile.team_id)
        for po in range(lines // LINES_PER_ORDER)
    )  # fmt: skip
    OrderLine.objects.bulk_create(
        OrderLine(order=orders[n // LINES_PER_ORDER], colour=COLOURS[n % 5],
                  size_breakdown=dict(zip(SIZES, (100, 200, 150, 50), strict=True)),
                  quantity=500, unit_price=Decimal("7.25"))
        for n in range(lines)
    )  # fmt: skip
    orders_and_lines = clock.lap()
    ContractCheck.objects.bulk_create(ContractCheck(order=order) for order in orders)
    OrderEvent.objects.bulk_create(
        OrderEvent(order=order, kind=kind, actor=merchandiser, action=action)
        for order in orders
        for kind, action in (("created", ""), ("note", "plan_built"))
    )
    OrderPlan.objects.bulk_create(
        OrderPlan(order=order, template=template, projected_ex_factory_date=order.ex_factory_date)
        for order in orders
    )
    Milestone.objects.bulk_create(
        Milestone(order=order, position=step.position, planned_date=order.ex_factory_date,
                  **{name: getattr(step, name) for name in MILESTONE_FIELDS})
        for order in orders
        for step in steps
    )  # fmt: skip
    rest = clock.lap()
    whole = Timing(orders_and_lines.wall + rest.wall, orders_and_lines.cpu + rest.cpu)
    return orders_and_lines, whole


def build_orders(count: int, merchandiser, customer, factory) -> None:
    from orders.models import Order, OrderLine

    start = date.today() - timedelta(days=400)
    batch = 10_000
    for first in range(0, count, batch):
        orders = Order.objects.bulk_create(
            Order(customer=customer, po_number=f"GEN-{n:07d}", style_no=f"ST-{n % 900}",
                  description="Cotton shirt", payment_terms="tt", order_date=start,
                  customer_date=start + timedelta(days=n % 700),
                  ex_factory_date=start + timedelta(days=n % 700 - 10),
                  factory=factory, merchandiser=merchandiser, team_id=merchandiser.profile.team_id)
            for n in range(first, min(first + batch, count))
        )  # fmt: skip
        OrderLine.objects.bulk_create(
            OrderLine(order=order, colour="Navy", size_breakdown={"M": 300}, quantity=300,
                      unit_price=Decimal("4.10"))
            for order in orders
        )  # fmt: skip


def export_child() -> None:
    """Run in its own process: export every order as the manager's XLSX order list."""
    import django

    django.setup()
    from django.contrib.auth.models import User

    from orders.exports.lists import OrderListTable
    from orders.exports.writers import write_xlsx

    manager = User.objects.get(username="bench-department_manager")
    started = time.perf_counter()
    with tempfile.TemporaryFile() as handle:
        write_xlsx(OrderListTable(manager, {}), handle)
        size = handle.tell()
    elapsed = time.perf_counter() - started
    print(f"{elapsed:.3f} {peak_resident_mb():.1f} {size}")


def peak_resident_mb() -> float:
    """This process's peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux keeps that
    across exec, so a child would report its parent's peak (the import's, here)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--export-orders", type=int, default=100_000)
    parser.add_argument("--export-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child()
        return
    setup_database("import_orders")
    merchandiser, _manager, customer, factory = people()

    content = po_workbook(args.lines)
    print(f"P/O file: {args.lines:,} lines, {args.lines // LINES_PER_ORDER:,} orders, "
          f"{len(content) / 1024:.0f} KiB")  # fmt: skip
    check, write, imported = time_import(content, merchandiser, customer, factory)
    bare_lines, bare_all = time_bulk_create(args.lines, merchandiser, customer, factory)

    if args.export_orders:
        from orders.models import Order

        build_orders(args.export_orders - Order.objects.count(), merchandiser, customer, factory)
        total = Order.objects.count()
        result = subprocess.run(
            [sys.executable, __file__, "--export-child"],
            env={**os.environ},
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, peak, size = result.stdout.split()[-3:]
        print(f"export: {total:,} orders to XLSX in {float(seconds):.1f} s, "
              f"{int(size) / 1024 / 1024:.1f} MiB, "
              f"peak memory {float(peak):.0f} MB (aim: < 200 MB)")  # fmt: skip

    from django.db import connection

    cpu = connection.vendor == "sqlite"
    print(f"import check (preview dry run): {check}")
    print(f"import write (read, check, order_create): {write} for {imported:,} orders")
    print(f"bare bulk_create of the same orders and lines: {bare_lines} "
          f"(import / that: {write.ratio(bare_lines, cpu=cpu):.2f}x)")  # fmt: skip
    print(f"bare bulk_create of every row the import writes (orders, lines, contract checks, "
          f"events, plans, milestones): {bare_all}")  # fmt: skip
    print(f"ratio ({'CPU' if cpu else 'wall'} time) follows")
    print(f"ratio {write.ratio(bare_all, cpu=cpu):.2f}")


if __name__ == "__main__":
    main()
