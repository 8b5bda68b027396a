"""Building (once) and keeping bench/scale.py's data set: migrate, the office, the orders in
batches written by COPY, the planner's statistics; and, on a later day, every date moved on by
the days that passed, so a data set built last week is measured as it was the day it was built."""

import time
from datetime import date, timedelta

from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction

from bench.scale_extras import add_extras
from bench.scale_rows import TableRows, reset_sequences

BATCH = 5_000
# Bumped when the data set's shape changes: a data set of another version is built again.
VERSION = 2
MARKER = "bench_scale"
SHIFTED_APPS = [
    "orders",
    "shipping",
    "samples",
    "complaints",
    "suppliers",
    "quotations",
    "statements",
]
NOT_SHIFTED = {"orders.holiday", "suppliers.holiday"}  # the calendar stays the calendar


def table_models() -> dict:
    from complaints.models import Complaint
    from orders.models import (
        Approval,
        ContractCheck,
        DateChangeRequest,
        Milestone,
        Order,
        OrderEvent,
        OrderLine,
        OrderPlan,
        PaymentClearance,
        ProgressReport,
    )
    from samples.models import SampleRequest
    from shipping.models import (
        Deduction,
        ExportDocument,
        InspectionBooking,
        InspectionReport,
        Payment,
    )
    from suppliers.models import TrimCard

    return {
        "order": Order,
        "line": OrderLine,
        "check": ContractCheck,
        "approval": Approval,
        "clearance": PaymentClearance,
        "event": OrderEvent,
        "plan": OrderPlan,
        "milestone": Milestone,
        "trim_card": TrimCard,
        "progress": ProgressReport,
        "date_change": DateChangeRequest,
        "booking": InspectionBooking,
        "report": InspectionReport,
        "document": ExportDocument,
        "payment": Payment,
        "deduction": Deduction,
        "sample": SampleRequest,
        "complaint": Complaint,
    }


def marker() -> dict | None:
    """What the bench built here: {"orders", "as_of", "version"}, or None."""
    with connection.cursor() as cursor:
        if MARKER not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT orders, as_of, version FROM {MARKER}")
        row = cursor.fetchone()
    if row is None:
        return None
    as_of = row[1] if isinstance(row[1], date) else date.fromisoformat(row[1])
    return {"orders": row[0], "as_of": as_of, "version": row[2]}


def write_marker(orders: int, as_of: date) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {MARKER}")
        cursor.execute(f"CREATE TABLE {MARKER} (orders integer, as_of date, version integer)")
        cursor.execute(
            f"INSERT INTO {MARKER} VALUES (%s, %s, %s)", [orders, as_of.isoformat(), VERSION]
        )


def holds_orders() -> bool:
    with connection.cursor() as cursor:
        if "orders_order" not in connection.introspection.table_names(cursor):
            return False
        cursor.execute("SELECT 1 FROM orders_order LIMIT 1")
        return cursor.fetchone() is not None


def build(total: int, today: date, log) -> None:
    from bench.scale_data import OrderMaker
    from bench.scale_office import build_office

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        office = build_office(log)
    models_by_key = table_models()
    tables = {key: TableRows(model) for key, model in models_by_key.items()}
    maker = OrderMaker(office=office, tables=tables, today=today, total=total)
    for start in range(0, total, BATCH):
        with transaction.atomic():
            for number in range(start, min(start + BATCH, total)):
                maker.make(number)
            for rows in tables.values():
                rows.flush()
        done = min(start + BATCH, total)
        if done % 20_000 == 0 or done == total:
            log(f"  built {done:,} of {total:,} orders ({time.monotonic() - started:.0f} s)")
    reset_sequences(list(models_by_key.values()))
    add_extras(today, log)
    analyze()
    write_marker(total, today)
    log(f"  data set of {total:,} orders built in {time.monotonic() - started:.0f} s")


def analyze() -> None:
    """The planner's statistics, as a database in service has them (autovacuum's job)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def shifted_fields():
    for app in SHIFTED_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.label_lower in NOT_SHIFTED or not model._meta.managed:
                continue
            fields = [
                field
                for field in model._meta.concrete_fields
                if isinstance(field, (models.DateField, models.DateTimeField))
            ]
            if fields:
                yield model._meta.db_table, fields


def shift_dates(days: int, today: date, log) -> None:
    """Move every date of the data set on by `days`, as if it had been built today."""
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, fields in shifted_fields():
            sets = []
            for field in fields:
                column = connection.ops.quote_name(field.column)
                if connection.vendor == "postgresql":
                    step = f"interval '{days} days'" if _is_datetime(field) else str(days)
                    sets.append(f"{column} = {column} + {step}")
                else:
                    function = "datetime" if _is_datetime(field) else "date"
                    sets.append(f"{column} = {function}({column}, '{days:+d} days')")
            cursor.execute(f'UPDATE "{table}" SET {", ".join(sets)}')
        cursor.execute(f"UPDATE {MARKER} SET as_of = %s", [today.isoformat()])
    analyze()
    log(f"  dates moved on by {days} days ({time.monotonic() - started:.0f} s)")


def _is_datetime(field) -> bool:
    return isinstance(field, models.DateTimeField)


def prepare(total: int, log) -> date:
    """The data set of `total` orders in the current database, built or brought to today."""
    from django.utils import timezone

    today = timezone.localdate()
    found = marker()
    if found and found["orders"] == total and found["version"] == VERSION:
        call_command("migrate", verbosity=0)  # the code measured may have moved on
        if found["as_of"] != today:
            shift_dates((today - found["as_of"]).days, today, log)
        add_extras(today, log)  # a data set built before them gains them once
        return today
    if holds_orders():
        raise SystemExit("this database holds orders the bench did not build: use --reset")
    build(total, today, log)
    return today


def yesterday(today: date) -> date:
    return today - timedelta(days=1)
