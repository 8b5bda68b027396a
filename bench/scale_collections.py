"""The hand-written SQL of the collections page (R21): what each customer owes per currency,
aged by days past the due date, as shipping.rules.balance computes it order by order."""

from orders.choices import PaymentTerms


def _due_days_case() -> str:
    from shipping.rules import due_days

    whens = " ".join(f"WHEN '{terms}' THEN {due_days(terms)}" for terms in PaymentTerms.values)
    return f"CASE o.payment_terms {whens} END"


def collections_sql() -> str:
    from shipping.choices import AGEING_BUCKETS
    from shipping.rules import DEPOSIT_DUE_DAYS

    buckets = ", ".join(
        f"sum(a.owed) FILTER (WHERE a.days >= {low}"
        + (f" AND a.days <= {high})" if high is not None else ")")
        for _label, low, high in AGEING_BUCKETS
    )
    return f"""
WITH money AS (
  SELECT o.customer_id, o.currency, o.payment_terms, o.deposit_percent, o.order_date,
         coalesce(b.issued_on, o.ex_factory_date) + {_due_days_case()} AS due_on,
         round(coalesce(t.amount, 0), 2) AS total,
         coalesce(pay.amount, 0) + coalesce(ded.amount, 0) AS credited
  FROM orders_order o
  LEFT JOIN LATERAL (SELECT sum(l.quantity * l.unit_price) AS amount FROM orders_orderline l
                     WHERE l.order_id = o.id) t ON true
  LEFT JOIN LATERAL (SELECT sum(p.amount) AS amount FROM shipping_payment p
                     WHERE p.order_id = o.id) pay ON true
  LEFT JOIN LATERAL (SELECT sum(d.amount) AS amount FROM shipping_deduction d
                     WHERE d.order_id = o.id) ded ON true
  LEFT JOIN shipping_exportdocument b ON b.order_id = o.id AND b.kind = 'bill_of_lading'
  WHERE o.stage IN ('approved', 'in_production', 'inspection', 'shipping', 'on_hold')
), owing AS (
  SELECT customer_id, currency, total - credited AS owed, due_on,
         CASE WHEN payment_terms = 'tt' AND deposit_percent > 0
                   AND order_date + {DEPOSIT_DUE_DAYS} < %(today)s
                   AND round(total * deposit_percent / 100, 2) > credited
              THEN %(today)s - (order_date + {DEPOSIT_DUE_DAYS})
              WHEN due_on < %(today)s THEN %(today)s - due_on END AS overdue
  FROM money WHERE total > credited
), aged AS (
  SELECT customer_id, currency, owed, overdue, greatest(%(today)s - due_on, overdue) AS days
  FROM owing
)
SELECT c.name, a.currency, sum(a.owed) FILTER (WHERE a.overdue IS NULL), {buckets},
       sum(a.owed), count(*)
FROM aged a JOIN orders_customer c ON c.id = a.customer_id
GROUP BY c.name, a.currency ORDER BY c.name, a.currency"""
