"""Reads of the shipping app, each with its own prefetching so lists do not grow in queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from orders import selectors as order_selectors
from orders.choices import Stage
from orders.models import Customer, Order
from orders.roles import Role, has_role
from orders.visibility import visible, visible_orders
from shipping import permissions, rules
from shipping.choices import AGEING_BUCKETS, InspectionKind, InvoiceRequestStatus, PaymentStatus
from shipping.collections import NOT_DUE, bucket_fields, overdue, owing
from shipping.models import Dispatch, InspectionBooking, InvoiceRequest

# Orders that can owe money: the contract is approved and the order is neither settled nor
# cancelled (a held order still owes).
OWING_STAGES = [
    Stage.APPROVED,
    Stage.IN_PRODUCTION,
    Stage.INSPECTION,
    Stage.SHIPPING,
    Stage.ON_HOLD,
]


def orders_with_money(queryset=None):
    queryset = queryset if queryset is not None else Order.objects.all()
    return queryset.select_related("customer", "merchandiser").prefetch_related(
        "lines", "payments", "deductions", Prefetch("export_documents")
    )


def owing_orders(*, merchandiser=None, today=None, merchandisers=None):
    """Orders that still owe money, with their R21 columns (shipping.collections);
    `merchandisers`: only those of these merchandisers' ids."""

    queryset = Order.objects.filter(stage__in=OWING_STAGES)
    if merchandiser is not None:
        queryset = queryset.filter(merchandiser=merchandiser)
    if merchandisers is not None:
        queryset = queryset.filter(merchandiser_id__in=merchandisers)
    return owing(queryset)


def balances(orders: list[Order], *, today=None) -> list[tuple[Order, rules.Balance]]:
    """rules.balance of each order, with what it reads fetched for all of them at once."""
    today = today or timezone.localdate()
    prefetch_related_objects(orders, "lines", "payments", "deductions", "export_documents")
    return [(order, rules.balance(order, today=today)) for order in orders]


def open_balances(*, merchandiser=None, today=None) -> list[tuple[Order, rules.Balance]]:
    today = today or timezone.localdate()
    orders = owing_orders(merchandiser=merchandiser, today=today)
    result = []
    for order in orders_with_money(orders.order_by("customer__name", "ex_factory_date", "id")):
        balance = rules.balance(order, today=today)
        if not balance.settled:
            result.append((order, balance))
    return result


def overdue_orders(
    *, merchandiser=None, today=None, merchandisers=None, overdue_on=None
) -> list[tuple[Order, rules.Balance]]:
    """The orders overdue today: picked by the database, then each one's balance.
    `overdue_on`: only those already overdue on that earlier day (overdue longer)."""

    today = today or timezone.localdate()
    orders = owing_orders(
        merchandiser=merchandiser, today=today, merchandisers=merchandisers
    ).filter(overdue(overdue_on or today))
    pairs = [
        (order, rules.balance(order, today=today))
        for order in orders_with_money(orders.order_by("customer__name", "ex_factory_date", "id"))
    ]
    return [(order, balance) for order, balance in pairs if balance.status == PaymentStatus.OVERDUE]


@dataclass
class CustomerCollections:
    customer: object
    currency: str
    orders: int = 0
    not_due: Decimal = Decimal("0")
    buckets: dict = field(default_factory=lambda: {b[0]: Decimal("0") for b in AGEING_BUCKETS})

    @property
    def total(self) -> Decimal:
        return self.not_due + sum(self.buckets.values(), Decimal("0"))

    @property
    def bucket_list(self) -> list[Decimal]:
        return [self.buckets[label] for label, _low, _high in AGEING_BUCKETS]


def ageing_bucket(days_overdue: int) -> str:
    for label, low, high in AGEING_BUCKETS:
        if days_overdue >= low and (high is None or days_overdue <= high):
            return label
    return AGEING_BUCKETS[0][0]


def order_bucket(balance: rules.Balance, today) -> str | None:
    """The ageing bucket an order's open balance falls in; None while it is not yet due."""
    if balance.due_on >= today and balance.status != PaymentStatus.OVERDUE:
        return None
    return ageing_bucket(max((today - balance.due_on).days, balance.days_overdue))


def latest_final_report(order):
    """rules.latest_final_report, read from the prefetched bookings and their reports."""
    reports = [
        booking.report
        for booking in order.inspection_bookings.all()
        if booking.kind in (InspectionKind.FINAL, InspectionKind.REINSPECTION)
        and getattr(booking, "report", None) is not None
    ]
    return max(reports, key=lambda report: (report.inspected_on, report.pk), default=None)


def owing_with_money(queryset=None):
    """The orders that owe money, each with its R21 figures as columns (shipping.collections)."""

    queryset = queryset if queryset is not None else Order.objects.all()
    return owing(queryset.filter(stage__in=OWING_STAGES))


GROUP = ("customer_id", "customer__name", "currency")
FIGURES = ("payment_terms", "deposit_percent", "order_date", "money_base", "money_total")


def collection_figures(orders) -> list[tuple]:
    """R21's figures of each owing order (from owing_with_money, filtered), read once: its
    customer, currency, terms, dates, total and what was credited. The database works each
    order's sums out once per row here; the conditional sums by bucket named every sum again in
    every bucket's condition (many times the work at 100,000 orders)."""
    return list(orders.order_by().values_list(*GROUP, *FIGURES, "money_credited"))


def collection_sums(orders, *, today=None, group=GROUP) -> list[dict]:
    """R21: what the orders owe per customer and currency (or per `group`, a part of GROUP),
    aged by days past the due date (rules.ageing_days): one row per group, ordered by it, to
    page through. `orders`: owing orders (owing_with_money) or their collection_figures."""

    today = today or timezone.localdate()
    figures = orders if isinstance(orders, list) else collection_figures(orders)
    fields = bucket_fields()
    picked = [GROUP.index(name) for name in group]
    rows: dict[tuple, dict] = {}
    for figure in figures:
        terms, deposit, ordered, base, total, credited = figure[len(GROUP) :]
        key = tuple(figure[i] for i in picked)
        row = rows.get(key)
        if row is None:
            row = rows[key] = dict(zip(group, key, strict=True))
            row.update(
                {name: Decimal("0") for name in fields.values()}, owed=Decimal("0"), orders=0
            )
        days = rules.ageing_days(terms, deposit, ordered, total, credited, base, today)
        owed = total - credited
        row[fields[NOT_DUE] if days is None else fields[ageing_bucket(days)]] += owed
        row["owed"] += owed
        row["orders"] += 1
    return [rows[key] for key in sorted(rows, key=lambda k: tuple((v is None, v) for v in k))]


def collection_rows(rows) -> list[CustomerCollections]:
    """collection_sums' rows as CustomerCollections (customer None for a currency's total)."""

    rows = list(rows)
    fields = bucket_fields()
    customers = Customer.objects.in_bulk({row.get("customer_id") for row in rows} - {None})
    result = []
    for row in rows:
        found = CustomerCollections(customers.get(row.get("customer_id")), row["currency"])
        found.not_due = Decimal(row[fields[NOT_DUE]])
        found.buckets = {
            label: Decimal(row[fields[label]]) for label, _low, _high in AGEING_BUCKETS
        }
        found.orders = row["orders"]
        result.append(found)
    return result


def collections(*, today=None, orders=None) -> list[CustomerCollections]:
    """Every customer's row of collection_sums (the page shows them a page at a time)."""
    return collection_rows(collection_sums(owing_with_money(orders), today=today))


def currency_totals(orders, *, today=None) -> list[CustomerCollections]:
    """collection_sums per currency alone: the totals under the page's rows (give the page's
    collection_figures, so the orders are read once)."""
    return collection_rows(collection_sums(orders, today=today, group=("currency",)))


def customer_balances(orders):
    """One customer's owing orders in a currency (from owing_with_money, filtered), soonest
    ex-factory first: a queryset to page through; balances() gives each shown order its R21
    balance."""
    return orders.select_related("customer", "merchandiser").order_by("ex_factory_date", "id")


def inspections_waiting(user, *, limit: int = 10):
    """Booked inspections with no report yet, soonest first: QC's work for the coming days."""

    return list(
        InspectionBooking.objects.filter(order__in=visible_orders(user), report__isnull=True)
        .select_related("order__customer")
        .order_by("planned_date", "id")[:limit]
    )


def tracking_orders(queryset):
    """R27 across orders: what the export tracking sheet reads of each, fetched per list."""

    return queryset.select_related(
        "freight_booking", "packing_list", "commercial_invoice"
    ).prefetch_related(
        "payments",
        "deductions",
        "export_documents",
        "milestones",  # R33: the commodity inspection's bookings
        Prefetch(
            "inspection_bookings",
            queryset=InspectionBooking.objects.select_related("report__resolution"),
        ),
    )


def inspections(user):
    """Every inspection of the orders the user sees, latest first."""

    return (
        InspectionBooking.objects.filter(order__in=visible_orders(user))
        .select_related("order__customer", "order__factory", "report__resolution")
        .prefetch_related("report__counts")
        .order_by("-planned_date", "-id")
    )


def invoice_requests_waiting(user) -> tuple[list, list]:
    """R34: the requests whose next level this user signs, and (finance) the approved ones
    waiting for the commercial invoice. Only those are read: SQL keeps the requests whose next
    level is one of the user's roles (the level at the index of the signatures given), the
    permission then has the last word on them."""

    requests = (
        InvoiceRequest.objects.select_related("order__customer", "order__merchandiser", "raised_by")
        .prefetch_related("approvals")
        .order_by("raised_at", "id")
    )
    requested = InvoiceRequest.objects.filter(status=InvoiceRequestStatus.REQUESTED)
    roles = [role.value for role in Role if has_role(user, role)]
    # The longest chain of levels among the waiting requests (the admin may change the levels;
    # a request keeps those of the day it was raised).
    chains = requested.order_by().values_list("approval_roles", flat=True).distinct()
    levels = max((len(chain) for chain in chains), default=0)
    next_is_mine = Q(pk__in=[])
    for index in range(levels):
        next_is_mine |= Q(signed=index, **{f"approval_roles__{index}__in": roles})
    waiting = [
        request
        for request in requests.filter(status=InvoiceRequestStatus.REQUESTED)
        .exclude(raised_by=user)
        .annotate(signed=Count("approvals"))
        .filter(next_is_mine)
        if permissions.can_approve_invoice_request(request, user)
    ]
    to_invoice = []
    if permissions.issues_invoices(user):
        to_invoice = list(requests.filter(status=InvoiceRequestStatus.APPROVED))
    return waiting, to_invoice


def dispatch_detail(user, pk: int) -> Dispatch:
    """The shipment with its order as the order's own page shows it; Http404 unless visible."""
    dispatch = visible(Dispatch, user, pk)
    # One query per related list of the order, as on its page.
    dispatch.order = order_selectors.order_detail(user, dispatch.order_id)
    return dispatch
