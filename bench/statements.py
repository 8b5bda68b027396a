"""R31: drawing up one monthly customer's statement, however many orders it has.

    .venv/bin/python bench/statements.py                 # 2,000 orders
    .venv/bin/python bench/statements.py --orders 10000

Builds (once; --rebuild to start again) var/bench/statements_<N>.sqlite3 (or the PostgreSQL
database in DATABASE_URL: use a scratch one) with one monthly customer whose orders were each
invoiced, part paid and some given a claim over the last year, then times --reps runs of
statement_generate for last month (the figures read from the settlement and written) and
prints the median, and the queries of one run: they must not grow with the orders."""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def setup_database(orders: int, rebuild: bool) -> None:
    if "DATABASE_URL" not in os.environ:
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"statements_{orders}.sqlite3"
        if rebuild and path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(count: int):
    """Rows written straight to the tables (the services' checks are not what is measured)."""
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from orders.choices import PaymentTerms, Settlement, Stage
    from orders.models import Customer, Order, OrderLine, Team
    from shipping.choices import DeductionSource, PaymentKind
    from shipping.models import CommercialInvoice, Deduction, Payment
    from suppliers.models import Factory

    customer = Customer.objects.filter(name="Bench Monthly Ltd").first()
    if customer is not None:
        return customer
    today = timezone.localdate()
    with transaction.atomic():
        user = User.objects.create_user("bench-finance")
        factory = Factory.objects.create(name="Bench Factory", email="f@example.com")
        team = Team.objects.create(name="Bench team")
        customer = Customer.objects.create(name="Bench Monthly Ltd", settlement=Settlement.MONTHLY)
        orders = Order.objects.bulk_create(
            Order(
                customer=customer, factory=factory, merchandiser=user, team=team,
                po_number=f"B-{n:06d}", payment_terms=PaymentTerms.OPEN_ACCOUNT,
                style_no="ST-1", description="Bench", stage=Stage.SHIPPING, currency="USD",
                order_date=today - timedelta(days=400),
                ex_factory_date=today - timedelta(days=365 - n % 360),
                customer_date=today - timedelta(days=350 - n % 360),
            )
            for n in range(count)
        )  # fmt: skip
        OrderLine.objects.bulk_create(
            OrderLine(order=o, colour="Navy", quantity=1000, unit_price=Decimal("4.125"))
            for o in orders
        )
        CommercialInvoice.objects.bulk_create(
            CommercialInvoice(order=o, number=f"CI-{o.po_number}", issued_on=o.ex_factory_date,
                              issued_by=user)
            for o in orders
        )  # fmt: skip
        Payment.objects.bulk_create(
            Payment(order=o, kind=PaymentKind.BALANCE, amount=Decimal("3000.00"), currency="USD",
                    received_on=o.ex_factory_date + timedelta(days=20), recorded_by=user)
            for o in orders
        )  # fmt: skip
        Deduction.objects.bulk_create(
            Deduction(order=o, source=DeductionSource.CLAIM, amount=Decimal("25.50"),
                      currency="USD", reason="Short", recorded_by=user)
            for o in orders[::7]
        )  # fmt: skip
    return customer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    setup_database(args.orders, args.rebuild)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from shipping.statements.ledger import previous_month
    from shipping.statements.models import Statement
    from shipping.statements.services import statement_generate

    customer = build(args.orders)
    period = previous_month(timezone.localdate())
    timings = []
    for _rep in range(args.reps):
        Statement.objects.filter(customer=customer).delete()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            statement = statement_generate(customer=customer, period=period)
        timings.append(time.perf_counter() - started)
    balance = statement.balances.get()
    from shipping.statements.ledger import month_end, still_owed

    owed_timings = []
    for _rep in range(args.reps):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as owed_queries:
            owed = still_owed(customer, month_end(period))
        owed_timings.append(time.perf_counter() - started)
    print(f"orders: {args.orders}, lines in the month: {statement.lines.count()}")
    print(f"still owed on it (R20's check, the statement page) {owed}: median "
          f"{statistics.median(owed_timings) * 1000:.0f} ms, "
          f"{len(owed_queries.captured_queries)} queries")  # fmt: skip
    print(f"opening {balance.opening} closing {balance.closing}")
    print(f"statement_generate median {statistics.median(timings) * 1000:.0f} ms "
          f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}), "
          f"{len(queries.captured_queries)} queries")  # fmt: skip


if __name__ == "__main__":
    main()
