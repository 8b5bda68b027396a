"""What bench/scale.py measures: each page as a user, and for each list the hand-written SQL
that returns the rows it shows (the first rows and the count where a list is cut).

SQL parameters come from the context of the data set (scale_measure.context): today, the
viewer's id and team, the order and factory shown, the customer filtered on."""

from dataclasses import dataclass, field

ACTIVE = "('received','in_review','approved','in_production','inspection','shipping')"
NOT_SHIPPED = "('received','in_review','approved','in_production','inspection')"
OWING = "('approved','in_production','inspection','shipping','on_hold')"
ROWS = 25  # a list page
HOME_ROWS = 10  # a home block of orders
PLAN_ROWS = 50  # a home block of the plan

ORDER_COLUMNS = """
SELECT o.id, o.po_number, o.style_no, o.stage, o.ex_factory_date, o.customer_date, o.currency,
       o.review_round, o.payment_terms, o.deposit_percent, o.commission,
       c.name, f.name, u.username, u.first_name, u.last_name, t.quantity, t.amount,
       p.at_risk, p.projected_ex_factory_date,
       m.code, m.name, m.planned_date, m.projected_date, m.owner_role,
       s.merchandiser, s.department_manager, s.administration, s.general_manager, th.amount
FROM (SELECT * FROM orders_order o WHERE {where} ORDER BY {order} LIMIT {limit}) o
JOIN orders_customer c ON c.id = o.customer_id
JOIN suppliers_factory f ON f.id = o.factory_id
JOIN auth_user u ON u.id = o.merchandiser_id
LEFT JOIN orders_orderplan p ON p.order_id = o.id
LEFT JOIN orders_approvalthreshold th ON th.currency = o.currency
LEFT JOIN LATERAL (SELECT sum(l.quantity) AS quantity, sum(l.quantity * l.unit_price) AS amount
                   FROM orders_orderline l WHERE l.order_id = o.id) t ON true
LEFT JOIN LATERAL (SELECT m.code, m.name, m.planned_date, m.projected_date, m.owner_role
                   FROM orders_milestone m WHERE m.order_id = o.id AND m.actual_date IS NULL
                   ORDER BY m.position, m.id LIMIT 1) m ON true
LEFT JOIN LATERAL (SELECT bool_or(a.step = 'merchandiser') AS merchandiser,
                          bool_or(a.step = 'department_manager') AS department_manager,
                          bool_or(a.step = 'administration') AS administration,
                          bool_or(a.step = 'general_manager') AS general_manager
                   FROM orders_approval a WHERE a.order_id = o.id
                   AND a.review_round = o.review_round AND a.decision = 'approved') s ON true
ORDER BY {order}"""

# What the order list shows beside its rows: the customer and factory filters' choices and the
# viewer's saved views of the page.
ORDER_LIST_CHROME = [
    "SELECT c.id, c.name FROM orders_customer c ORDER BY c.name",
    "SELECT f.id, f.name FROM suppliers_factory f ORDER BY f.name",
    """SELECT v.id, v.name, v.query FROM orders_savedview v
       WHERE v.user_id = %({viewer})s AND v.path = '/orders/' ORDER BY v.name""",
]

# What the admin's changelist shows beside its rows: the filter sidebar's customers, factories,
# teams and the merchandisers who have orders, and whether the quotation policy exists (its
# menu entry).
ADMIN_CHROME = [
    "SELECT c.id, c.name FROM orders_customer c ORDER BY c.name",
    "SELECT f.id, f.name FROM suppliers_factory f ORDER BY f.name",
    "SELECT t.id, t.name FROM orders_team t ORDER BY t.name",
    """SELECT u.id, u.username, u.first_name, u.last_name FROM auth_user u
       WHERE EXISTS (SELECT 1 FROM orders_order o WHERE o.merchandiser_id = u.id)
       ORDER BY u.username""",
    "SELECT 1 FROM quotations_quotationpolicy LIMIT 1",
]


def order_rows(
    where: str, *, order="o.ex_factory_date, o.id", limit=ROWS, viewer="manager"
) -> list[str]:
    """The order list's rows with every column it shows (totals, next milestone, the R10
    signatures "waiting for" reads, late and at-risk flags), its count and what it shows
    beside them."""
    return [
        ORDER_COLUMNS.format(where=where, order=order, limit=limit),
        f"SELECT count(*) FROM orders_order o WHERE {where}",
        *(sql.replace("{viewer}", viewer) for sql in ORDER_LIST_CHROME),
    ]


def admin_rows(where: str) -> list[str]:
    """The admin's changelist: 100 rows, no count of all orders when filtered
    (show_full_result_count off), the sidebar."""
    rows = ORDER_COLUMNS.format(where=where, order="o.ex_factory_date, o.id", limit=100)
    return [rows, f"SELECT count(*) FROM orders_order o WHERE {where}", *ADMIN_CHROME]


def home_orders(where: str) -> list[str]:
    """A home block of orders: the first rows (P/O, style, customer, date, stage) and the count."""
    return [
        f"""SELECT o.id, o.po_number, o.style_no, o.ex_factory_date, o.stage, c.name
        FROM orders_order o JOIN orders_customer c ON c.id = o.customer_id
        WHERE {where} ORDER BY o.ex_factory_date, o.id LIMIT {HOME_ROWS}""",
        f"SELECT count(*) FROM orders_order o WHERE {where}",
    ]


def signed(step: str, present: bool) -> str:
    return f"""{"" if present else "NOT "}EXISTS (SELECT 1 FROM orders_approval a
        WHERE a.order_id = o.id AND a.review_round = o.review_round AND a.step = '{step}'
        AND a.decision = 'approved')"""


def cleared(kind: str, present: bool = False) -> str:
    return f"""{"" if present else "NOT "}EXISTS (SELECT 1 FROM orders_paymentclearance k
        WHERE k.order_id = o.id AND k.kind = '{kind}')"""


CREDIT = (
    "(o.payment_terms IN ('oa','da','dp') OR (o.payment_terms = 'tt' AND o.deposit_percent = 0))"
)
WAITING = {
    "merch": f"""((o.stage = 'received' AND o.team_id = %(team)s AND NOT EXISTS (
            SELECT 1 FROM orders_contractcheck cc WHERE cc.order_id = o.id AND cc.customer_signed
            AND cc.quantity_and_allocation AND cc.price AND cc.fabric AND cc.finishing
            AND cc.payment_terms AND cc.customer_date AND cc.style AND cc.packing_and_shipping))
        OR (o.stage = 'approved' AND o.team_id = %(team)s AND o.payment_terms = 'lc'
            AND {cleared("gm_exception")}
            AND ({cleared("lc_received")} OR {cleared("lc_checked_merchandiser")})))""",
    "manager": f"""((o.stage = 'in_review' AND {signed("merchandiser", True)}
            AND {signed("department_manager", False)})
        OR (o.stage = 'approved' AND {CREDIT} AND {cleared("gm_exception")}
            AND {cleared("credit_approved")}))""",
    "gm": f"""((o.stage = 'in_review' AND {signed("administration", True)}
            AND {signed("department_manager", True)} AND {signed("merchandiser", True)}
            AND {signed("general_manager", False)}
            AND (o.commission OR (o.payment_terms = 'tt' AND o.deposit_percent > 0)
                 OR (SELECT sum(l.quantity * l.unit_price) FROM orders_orderline l
                     WHERE l.order_id = o.id) > (SELECT t.amount FROM orders_approvalthreshold t
                     WHERE t.currency = o.currency)))
        OR (o.stage = 'approved' AND {CREDIT} AND {cleared("gm_exception")}
            AND {cleared("credit_approved")}))""",
}


def plan_milestones(mine: str, when: str) -> list[str]:
    """A home block of milestones in R19's order (due, class, quantity, lines) and its count."""
    return [
        f"""SELECT m.id, m.code, m.name, m.planned_date, o.id, o.po_number, c.name, c.credit_class
        FROM orders_milestone m JOIN orders_order o ON o.id = m.order_id
        JOIN orders_customer c ON c.id = o.customer_id
        LEFT JOIN LATERAL (SELECT sum(l.quantity) AS q, count(*) AS n FROM orders_orderline l
                           WHERE l.order_id = o.id) t ON true
        WHERE m.actual_date IS NULL AND {when} AND o.stage IN {ACTIVE} AND {mine}
        ORDER BY m.planned_date, CASE c.credit_class WHEN 'A' THEN 0 WHEN 'B' THEN 1
                 WHEN 'C' THEN 2 ELSE 3 END, t.q DESC, t.n DESC, o.id
        LIMIT {PLAN_ROWS}""",
        f"""SELECT count(*) FROM orders_milestone m JOIN orders_order o ON o.id = m.order_id
        WHERE m.actual_date IS NULL AND {when} AND o.stage IN {ACTIVE} AND {mine}""",
    ]


def home(viewer: str) -> list[str]:
    visible = "o.team_id = %(team)s" if viewer == "merch" else "TRUE"
    mine = "o.merchandiser_id = %(me)s" if viewer == "merch" else "TRUE"
    late = f"{mine} AND o.stage IN {NOT_SHIPPED} AND o.ex_factory_date < %(today)s"
    due = f"{mine} AND o.stage IN {ACTIVE} AND o.ex_factory_date BETWEEN %(today)s AND %(week)s"
    return [
        f"SELECT o.stage, count(*) FROM orders_order o WHERE {visible} GROUP BY o.stage",
        *home_orders(WAITING[viewer]),
        *home_orders(late),
        *home_orders(due),
        *plan_milestones(mine, "m.planned_date < %(today)s"),
        *plan_milestones(mine, "m.planned_date BETWEEN %(today)s AND %(week)s"),
        f"""SELECT o.id, o.po_number, c.name, c.credit_class, o.customer_date,
               p.projected_ex_factory_date, p.delay_days
        FROM orders_orderplan p JOIN orders_order o ON o.id = p.order_id
        JOIN orders_customer c ON c.id = o.customer_id
        LEFT JOIN LATERAL (SELECT sum(l.quantity) AS q, count(*) AS n FROM orders_orderline l
                           WHERE l.order_id = o.id) t ON true
        WHERE p.at_risk AND o.stage IN {ACTIVE} AND {mine}
        ORDER BY o.customer_date, CASE c.credit_class WHEN 'A' THEN 0 WHEN 'B' THEN 1
                 WHEN 'C' THEN 2 ELSE 3 END, t.q DESC, t.n DESC, o.id LIMIT {PLAN_ROWS}""",
        f"""SELECT count(*) FROM orders_orderplan p JOIN orders_order o ON o.id = p.order_id
        WHERE p.at_risk AND o.stage IN {ACTIVE} AND {mine}""",
        *open_complaints(visible, limit=10),
    ]


def open_complaints(visible: str, *, limit: int = ROWS) -> list[str]:
    where = f"""x.status <> 'closed' AND {visible}"""
    return [
        f"""SELECT x.id, x.kind, x.received_on, x.status, o.id, o.po_number, c.name, f.name,
               u.username
        FROM complaints_complaint x JOIN orders_order o ON o.id = x.order_id
        JOIN orders_customer c ON c.id = o.customer_id
        JOIN suppliers_factory f ON f.id = o.factory_id
        JOIN auth_user u ON u.id = o.merchandiser_id
        WHERE {where} ORDER BY x.received_on, x.id LIMIT {limit}""",
        f"""SELECT count(*), min(x.received_on), avg(%(today)s - x.received_on)
        FROM complaints_complaint x JOIN orders_order o ON o.id = x.order_id WHERE {where}""",
    ]


REMINDERS = f"""
SELECT m.id, m.order_id, m.planned_date, m.code, m.name, m.owner_role, o.po_number, o.style_no
FROM orders_milestone m JOIN orders_order o ON o.id = m.order_id
WHERE m.actual_date IS NULL AND m.planned_date <= %(ahead)s AND o.stage IN {ACTIVE}
  AND {{who}}
ORDER BY m.planned_date, o.po_number LIMIT {ROWS}"""


def reminders(viewer: str) -> list[str]:
    if viewer == "merch":
        own = "m.owner_role = 'merchandiser' AND o.merchandiser_id = %(me)s"
        return [REMINDERS.format(who=own), *_count(REMINDERS.format(who=own))]
    # A department manager heading the demo's teams: their own milestones, and their teams'
    # items overdue past the escalation limit.
    own = "m.owner_role = 'department_manager'"
    team = """m.owner_role = 'merchandiser' AND m.planned_date < %(escalate)s
        AND o.merchandiser_id IN (SELECT pr.user_id FROM orders_profile pr
            JOIN orders_team tm ON tm.id = pr.team_id WHERE tm.head_id = %(me)s)"""
    return [
        REMINDERS.format(who=own),
        REMINDERS.format(who=team),
        *_count(REMINDERS.format(who=team)),
    ]


def _count(sql: str) -> list[str]:
    body = sql.split("FROM", 1)[1].split("ORDER BY")[0]
    return [f"SELECT count(*) FROM{body}"]


LATENESS = [
    """SELECT d.responsible, count(*), count(DISTINCT d.order_id),
              sum(d.proposed_date - d."current_date")
       FROM orders_datechangerequest d
       WHERE d.status = 'agreed' AND d.proposed_date > d."current_date" GROUP BY d.responsible""",
    """SELECT d.id, d.kind, d."current_date", d.proposed_date, d.responsible, d.reason,
              d.decided_at, o.id, o.po_number, c.name, u.username
       FROM orders_datechangerequest d JOIN orders_order o ON o.id = d.order_id
       JOIN orders_customer c ON c.id = o.customer_id JOIN auth_user u ON u.id = d.created_by_id
       WHERE d.status = 'agreed' AND d.proposed_date > d."current_date"
       ORDER BY d.decided_at DESC LIMIT 200""",
]

TRIM_CARDS = """
SELECT t.id, t.round, t.received_on, t.review_deadline, o.id, o.po_number, c.name, f.name,
       u.username, u.first_name, u.last_name
FROM suppliers_trimcard t JOIN orders_order o ON o.id = t.order_id
JOIN orders_customer c ON c.id = o.customer_id JOIN suppliers_factory f ON f.id = o.factory_id
JOIN auth_user u ON u.id = o.merchandiser_id
WHERE t.status = 'submitted' ORDER BY t.review_deadline, t.received_on, t.id LIMIT 50"""


@dataclass
class Page:
    name: str
    user: str
    url: str  # formatted with the context
    sql: list[str] = field(default_factory=list)  # hand-written, with the context's parameters


def pages() -> list[Page]:
    from bench.scale_collections import collections_sql

    search = """(upper(o.po_number) LIKE upper(%(search_like)s)
        OR upper(o.style_no) LIKE upper(%(search_like)s))"""
    # The admin searches the customer's name too (its search_fields): the customers whose name
    # matches are read first, then the orders by their P/O or style number or those customers
    # (none match the bench's term).
    customers_named = """SELECT c.id FROM orders_customer c
        WHERE upper(c.name) LIKE upper(%(search_like)s)"""
    return [
        Page("home (merch)", "merch", "/", home("merch")),
        Page("home (manager)", "manager", "/", home("manager")),
        Page("home (GM)", "gm", "/", home("gm")),
        Page("order list", "manager", "/orders/", order_rows("TRUE")),
        Page(
            "order list, filtered",
            "manager",
            "/orders/?customer={customer}&stage=shipping",
            order_rows("o.customer_id = %(customer)s AND o.stage = 'shipping'"),
        ),
        Page("order list, P/O search", "manager", "/orders/?q={search}", order_rows(search)),
        Page(
            "order list, last page",
            "manager",
            "/orders/?page={last_page}",
            order_rows(
                "TRUE", order="o.ex_factory_date DESC, o.id DESC", limit="%(last_page_rows)s"
            ),
        ),
        Page(
            "order list (merch)",
            "merch",
            "/orders/",
            order_rows("o.team_id = %(team)s", viewer="me"),
        ),
        Page("order page", "manager", "/orders/{order}/"),
        Page("reminders (merch)", "merch", "/reminders/", reminders("merch")),
        Page("reminders (manager)", "manager", "/reminders/", reminders("manager")),
        Page("lateness report", "manager", "/reports/lateness/", LATENESS),
        Page("collections", "finance", "/shipping/collections/", [collections_sql()]),
        Page("complaints", "manager", "/complaints/", open_complaints("TRUE")),
        Page(
            "trim cards waiting",
            "manager",
            "/suppliers/trim-cards/",
            [TRIM_CARDS, "SELECT count(*) FROM suppliers_trimcard t WHERE t.status = 'submitted'"],
        ),
        Page("factory page", "manager", "/suppliers/factories/{factory}/"),
        # The pages other issues added (change requests are the home's panel and the order's).
        Page("plan board", "manager", "/plan/board/"),
        Page("plan board (merch)", "merch", "/plan/board/"),
        Page("KPIs", "manager", "/reports/kpis/"),
        Page("imports", "manager", "/orders/import/"),
        Page("quotations", "manager", "/quotations/"),
        Page("admin order list", "manager", "/admin/orders/order/", admin_rows("TRUE")),
        Page(
            "admin order list, search",
            "manager",
            "/admin/orders/order/?q={search}",
            [customers_named, *admin_rows(search)],
        ),
        # With the data set's extras (bench/scale_extras.py): change requests show on the home's
        # panel and the order's page (no list of their own).
        Page("statements", "finance", "/statements/"),
        Page("invoice requests", "finance", "/shipping/invoice-requests/"),
        Page("invoice requests (manager)", "manager", "/shipping/invoice-requests/"),
        Page("quotation approvals", "manager", "/quotations/approvals/"),
    ]
