"""What bench/scale.py's orders leave behind in the apps added after the data set's first shape:
quotations, change requests, order imports, invoice requests (R34) and monthly customers'
statements (R31), in realistic shares.

They are added to a finished data set as a step of their own (EXTRAS_VERSION in a table of
their own), so a data set built before them is completed in a minute instead of built again;
a new version of this step deletes its rows and writes them again.

Shares, from the orders' own facts (stage, dates, customer, merchandiser):
- quotations: 70% of the orders were won from a quotation (linked to the order); one order in
  two also had a quotation lost or expired beside it; a third of the orders not yet approved
  have a quotation still open (draft, in approval, approved or sent);
- change requests: 6% of the orders past review, raised 10 to 40 days after the order; those
  of the last three weeks of an open order still open (draft, at the factory, confirmed by the
  customer or approved), the others applied, refused or withdrawn;
- imports: one spreadsheet per block of 250 orders, holding the orders of its largest customer
  in that block (3% rejected with row errors);
- invoice requests: one per order shipping or settled (invoiced, or still to approve or invoice
  while shipping);
- statements: one customer in six settles monthly; one statement per month of its orders
  (confirmed or resolved when old, last month's sent, this month's draft)."""

import random
from collections import defaultdict
from datetime import date, timedelta

from django.db import connection, transaction

from bench.scale_rows import TableRows, moment, reset_sequences

EXTRAS_VERSION = 3
EXTRAS_MARKER = "bench_scale_extras"
CLOSED = {"settled", "cancelled"}
NOT_APPROVED = {"received", "in_review"}
BLOCK = 250


def extras_models() -> dict:
    from orders.models import ChangeRequest, OrderImport
    from orders.quotations.models import Quotation
    from shipping.models import InvoiceRequest
    from shipping.statements.models import Statement

    return {
        "quotation": Quotation,
        "change": ChangeRequest,
        "import": OrderImport,
        "invoice_request": InvoiceRequest,
        "statement": Statement,
    }


def extras_version() -> int | None:
    with connection.cursor() as cursor:
        if EXTRAS_MARKER not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT version FROM {EXTRAS_MARKER}")
        row = cursor.fetchone()
    return row[0] if row else None


def add_extras(today: date, log) -> None:
    """Write (again) the extras of the orders in the database."""
    if extras_version() == EXTRAS_VERSION:
        return
    models = extras_models()
    with transaction.atomic(), connection.cursor() as cursor:
        for model in models.values():  # what an earlier version wrote
            cursor.execute(f'DELETE FROM "{model._meta.db_table}"')
        tables = {key: TableRows(model) for key, model in models.items()}
        maker = Extras(tables, today, _users(cursor))
        for order in _orders(cursor):
            maker.order(order)
        maker.statements(cursor)
        for rows in tables.values():
            rows.flush()
        reset_sequences(list(models.values()))
        cursor.execute(f"DROP TABLE IF EXISTS {EXTRAS_MARKER}")
        cursor.execute(f"CREATE TABLE {EXTRAS_MARKER} (version integer)")
        cursor.execute(f"INSERT INTO {EXTRAS_MARKER} VALUES (%s)", [EXTRAS_VERSION])
    with connection.cursor() as cursor:
        for model in models.values():
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')
    counts = ", ".join(f"{len_or(t)} {key}s" for key, t in tables.items())
    log(f"  extras added: {counts}")


def len_or(rows: TableRows) -> str:
    return f"{rows.next_id - 1:,}"


def _users(cursor) -> dict:
    cursor.execute("SELECT username, id FROM auth_user")
    return dict(cursor.fetchall())


def _orders(cursor):
    cursor.execute(
        """SELECT o.id, o.stage, o.customer_id, o.merchandiser_id, o.team_id, o.order_date,
                  o.ex_factory_date, o.customer_date, o.currency, o.payment_terms, o.style_no,
                  (SELECT sum(l.quantity * l.unit_price) FROM orders_orderline l
                   WHERE l.order_id = o.id)
           FROM orders_order o ORDER BY o.id"""
    )
    names = [column[0] for column in cursor.description[:-1]] + ["total"]
    for row in cursor.fetchall():
        yield dict(zip(names, row, strict=True))


def snapshot(customer_date: date) -> dict:
    """A change request's drafted-on or proposed order (orders.changes.proposal's shape): here the
    customer date moved, the lines left as they are."""
    return {"revision": 1, "fields": {"customer_date": customer_date.isoformat()}, "lines": [],
            "extra": {}}  # fmt: skip


class Extras:
    def __init__(self, tables: dict, today: date, users: dict, seed: int = 16):
        self.t = tables
        self.today = today
        self.rng = random.Random(seed)
        self.finance = users.get("finance")
        self.block: list[dict] = []
        self.months: dict[int, set] = defaultdict(set)  # customer: the months it ordered in

    def order(self, o: dict) -> None:
        self.quotations(o)
        self.change(o)
        self.invoice_request(o)
        self.months[o["customer_id"]].add(o["order_date"].replace(day=1))
        self.block.append(o)
        if len(self.block) == BLOCK:
            self.spreadsheet(self.block)
            self.block = []

    def before_today(self, day: date) -> date:
        return min(day, self.today)

    def quotation(self, o: dict, status: str, created: date, order_id=None) -> None:
        table = self.t["quotation"]
        number = table.next_id
        created = self.before_today(created)
        table.add(
            number=number,
            customer_id=o["customer_id"],
            style_no=o["style_no"],
            description="Men's cotton shirt",
            merchandiser_id=o["merchandiser_id"],
            team_id=o["team_id"],
            currency=o["currency"],
            payment_terms=o["payment_terms"],
            exchange_rate="7.1",
            valid_until=created + timedelta(days=30),
            status=status,
            order_id=order_id,
            created_at=moment(created, number),
            updated_at=moment(self.before_today(created + timedelta(days=5)), number),
        )

    def quotations(self, o: dict) -> None:
        rng, asked = self.rng, o["order_date"] - timedelta(days=30)
        if rng.random() < 0.7:
            self.quotation(o, "won", asked, order_id=o["id"])
        if rng.random() < 0.5:
            self.quotation(o, rng.choice(["lost", "expired"]), asked - timedelta(days=20))
        if o["stage"] in NOT_APPROVED and rng.random() < 0.33:
            status = rng.choice(["draft", "in_approval", "approved", "sent"])
            self.quotation(o, status, self.today - timedelta(days=rng.randint(0, 20)))

    def change(self, o: dict) -> None:
        rng = self.rng
        if o["stage"] in NOT_APPROVED or rng.random() >= 0.06:
            return
        raised = self.before_today(o["order_date"] + timedelta(days=rng.randint(10, 40)))
        if o["stage"] in CLOSED or o["stage"] == "shipping" or (self.today - raised).days > 21:
            status = rng.choice(["applied"] * 7 + ["refused"] * 2 + ["withdrawn"])
        else:  # a request is decided within about three weeks
            status = rng.choice(["draft", "sent_to_factory", "customer_confirmed", "approved"])
        answered = status not in ("draft", "withdrawn")
        applied = status == "applied"
        self.t["change"].add(
            order_id=o["id"],
            number=1,
            status=status,
            status_since=moment(self.before_today(raised + timedelta(days=3)), o["id"]),
            requested_by=rng.choice(["customer", "customer", "factory", "us"]),
            reason="The customer asks for another colour split.",
            base=snapshot(o["customer_date"]),
            proposed=snapshot(o["customer_date"] + timedelta(days=14)),
            raised_by_id=o["merchandiser_id"],
            raised_at=moment(raised, o["id"]),
            factory_answer="agreed" if answered else "pending",
            factory_answer_at=moment(raised + timedelta(days=1), o["id"]) if answered else None,
            applied_revision=2 if applied else None,
            applied_at=moment(raised + timedelta(days=3), o["id"]) if applied else None,
            applied_by_id=o["merchandiser_id"] if applied else None,
        )

    def invoice_request(self, o: dict) -> None:
        if o["stage"] not in ("shipping", "settled") or o["total"] is None:
            return
        status = "invoiced"
        if o["stage"] == "shipping":
            status = self.rng.choice(["invoiced"] * 12 + ["approved"] * 5 + ["requested"] * 3)
        raised = self.before_today(o["ex_factory_date"] - timedelta(days=3))
        invoiced = status == "invoiced"
        self.t["invoice_request"].add(
            order_id=o["id"],
            amount=round(o["total"], 2),
            currency=o["currency"],
            approval_roles=["department_manager"],
            status=status,
            raised_by_id=o["merchandiser_id"],
            raised_at=moment(raised, o["id"]),
            invoiced_by_id=self.finance if invoiced else None,
            invoiced_at=moment(self.before_today(raised + timedelta(days=2)), 7)
            if invoiced
            else None,
        )

    def spreadsheet(self, block: list[dict]) -> None:
        by_customer = defaultdict(list)
        for o in block:
            by_customer[o["customer_id"]].append(o)
        orders = max(by_customer.values(), key=len)
        first = orders[0]
        uploaded = self.before_today(min(o["order_date"] for o in orders))
        rejected = self.rng.random() < 0.03
        self.t["import"].add(
            filename=f"PO-{first['id']}.xlsx",
            file=f"imports/PO-{first['id']}.xlsx",
            customer_id=first["customer_id"],
            currency=first["currency"],
            merchandiser_id=first["merchandiser_id"],
            team_id=first["team_id"],
            created_by_id=first["merchandiser_id"],
            status="rejected" if rejected else "imported",
            progress_done=len(orders),
            progress_total=len(orders),
            row_errors=[{"row": 3, "errors": ["Unknown factory"]}] if rejected else [],
            order_ids=[] if rejected else [o["id"] for o in orders],
            created_at=moment(uploaded, first["id"]),
            checked_at=moment(uploaded, first["id"] + 5),
            finished_at=None if rejected else moment(uploaded, first["id"] + 9),
        )

    def statements(self, cursor) -> None:
        """One customer in six settles monthly (R20): its statements, one per month (R31)."""
        monthly = sorted(self.months)[::6]
        cursor.execute(
            "UPDATE orders_customer SET settlement = 'monthly' WHERE id = ANY(%s)"
            if connection.vendor == "postgresql"
            else f"UPDATE orders_customer SET settlement = 'monthly' WHERE id IN "
            f"({', '.join(str(c) for c in monthly) or 'NULL'})",
            [monthly] if connection.vendor == "postgresql" else None,
        )
        this_month = self.today.replace(day=1)
        last_month = (this_month - timedelta(days=1)).replace(day=1)
        for customer in monthly:
            for month in sorted(self.months[customer]):
                if month > this_month:
                    break
                status = "confirmed" if self.rng.random() < 0.9 else "resolved"
                if month == last_month:
                    status = "sent"
                elif month == this_month:
                    status = "draft"
                issued = self.before_today(month + timedelta(days=33))
                sent = status != "draft"
                self.t["statement"].add(
                    customer_id=customer,
                    period=month,
                    status=status,
                    generated_by_id=self.finance,
                    generated_at=moment(issued, customer),
                    sent_by_id=self.finance if sent else None,
                    sent_at=moment(issued, customer + 30) if sent else None,
                    answered_at=moment(self.before_today(issued + timedelta(days=5)), 60)
                    if status in ("confirmed", "resolved")
                    else None,
                    answered_by_name="Accounts payable"
                    if status in ("confirmed", "resolved")
                    else "",
                )
