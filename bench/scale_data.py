"""The orders of bench/scale.py, with what a trading house's years leave behind each of them.

Order i's ex-factory date runs from about 2.5 years ago to 6 months ahead as i grows, so the
ids follow time as they do in service. Its stage follows from that date (old orders settled or
cancelled, about 75% of all; recent ones spread over the lifecycle, a few late or on hold).
Each order has 3 lines, the contract check, its R10 signatures and R11 clearances, a plan of 15
milestones (done as far as the stage reached, a few late), about 10 timeline events; and in
realistic shares: date changes, progress reports, payments and deductions, export documents,
inspection bookings and reports, sample rounds, trim cards and complaints. The projections are
those of yesterday's daily pass, so the daily job measured today has its real day's work."""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from bench.scale_money import ShippingRows
from bench.scale_plan import PlanRows
from bench.scale_rows import moment
from orders.choices import LIFECYCLE, PaymentTerms, Stage
from orders.planning import scheduling
from orders.planning.calendar import holidays_between

COLOURS = ["Navy", "Black", "Optic white", "Heather grey", "Burgundy", "Olive", "Khaki", "Sky"]
SIZES = ["S", "M", "L", "XL"]
CENT = Decimal("0.01")
GM_THRESHOLD_USD = Decimal("100000")

# By the ex-factory date's distance from today (days): the stages and their shares.
STAGE_SHARES = [
    (-90, {"settled": 93, "cancelled": 5, "shipping": 1.5, "on_hold": 0.5}),
    (-30, {"shipping": 55, "settled": 40, "cancelled": 5}),
    (0, {"shipping": 62, "inspection": 12, "in_production": 15, "settled": 5, "cancelled": 3,
         "on_hold": 3}),
    (30, {"inspection": 20, "in_production": 60, "approved": 10, "on_hold": 5, "cancelled": 5}),
    (90, {"in_production": 45, "approved": 30, "in_review": 10, "received": 5, "on_hold": 5,
          "cancelled": 5}),
    (10_000, {"received": 25, "in_review": 25, "approved": 35, "in_production": 15}),
]  # fmt: skip

POSITION = {stage: index for index, stage in enumerate(LIFECYCLE)}


def _pick(rng: random.Random, shares: dict) -> str:
    point = rng.uniform(0, sum(shares.values()))
    for key, share in shares.items():
        point -= share
        if point <= 0:
            return key
    return key


class OrderMaker(PlanRows, ShippingRows):
    """Queues the rows of one order after another into the TableRows of each model."""

    def __init__(self, *, office, tables, today: date, total: int, seed: int = 16):
        self.office = office
        self.t = tables
        self.today = today
        self.yesterday = today - timedelta(days=1)
        self.total = total
        self.rng = random.Random(seed)
        self.milestones = list(office.template.milestones.order_by("position", "id"))
        self.holidays = frozenset(
            holidays_between(today - timedelta(days=1400), today + timedelta(days=400))
        )
        from orders.models import ProcessStep

        self.steps = list(ProcessStep.objects.order_by("position").values_list("pk", flat=True))
        self.user = office.users

    @lru_cache(maxsize=200_000)  # noqa: B019  (one maker per build)
    def planned(self, anchor: str, offset: int, unit: str, start: date) -> date:
        return scheduling.shift(start, offset, unit, holidays=self.holidays)

    # ---- one order ----------------------------------------------------------------------------
    def make(self, number: int) -> None:
        rng, today = self.rng, self.today
        span = int(-900 + 1095 * number / self.total)
        ex_factory = today + timedelta(days=span + rng.randint(-7, 7))
        distance = (ex_factory - today).days
        stage = _pick(rng, next(s for limit, s in STAGE_SHARES if distance < limit))
        reached = stage
        held_from = ""
        if stage == Stage.ON_HOLD:
            held_from = reached = rng.choice(
                [Stage.APPROVED, Stage.IN_PRODUCTION] if distance > 0 else [Stage.IN_PRODUCTION]
            )
        elif stage == Stage.CANCELLED:
            reached = rng.choice([Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED])
        position = POSITION[reached]
        customer_id, currency, terms, deposit, credit_class = rng.choice(self.office.customers)
        merchandiser, team = rng.choice(self.office.merchandisers)
        order_date = ex_factory - timedelta(days=rng.randint(75, 120))
        customer_date = ex_factory + timedelta(days=14 + 7 * rng.randint(0, 2))
        commission = rng.random() < 0.05
        order_id = self.t["order"].next_id
        total = Decimal("0")
        lines = []
        for line in range(3):
            breakdown = {size: rng.randrange(2, 12) * 60 for size in SIZES}
            quantity = sum(breakdown.values())
            price = Decimal(rng.randrange(320, 1480)) / 100
            total += quantity * price
            lines.append((COLOURS[(number + line * 3) % len(COLOURS)], breakdown, quantity, price))
        self.t["order"].add(
            id=order_id,
            customer_id=customer_id,
            po_number=f"P{number + 1:07d}",
            style_no=f"ST{number % 4999:04d}-{number % 7}",
            description=("Men's cotton jersey tee", "Ladies' knit cardigan", "Denim jeans")[
                number % 3
            ],
            season=("SS", "FW")[number % 2] + str(ex_factory.year % 100),
            currency=currency,
            payment_terms=terms,
            deposit_percent=deposit,
            commission=commission,
            order_date=order_date,
            customer_date=customer_date,
            ex_factory_date=ex_factory,
            factory_id=rng.choice(self.office.factories),
            merchandiser_id=merchandiser,
            team_id=team,
            stage=stage,
            held_from=held_from,
            cancel_reason="The customer withdrew the order." if stage == Stage.CANCELLED else "",
            review_round=1 if position >= 1 else 0,
            created_at=moment(order_date, number % 480),
            updated_at=moment(min(ex_factory + timedelta(days=30), today), number % 480),
        )
        for colour, breakdown, quantity, price in lines:
            self.t["line"].add(
                order_id=order_id,
                colour=colour,
                size_breakdown=breakdown,
                quantity=quantity,
                unit_price=price,
            )
        total = total.quantize(CENT, rounding=ROUND_HALF_UP)
        order = {
            "id": order_id,
            "number": number,
            "stage": stage,
            "position": position,
            "order_date": order_date,
            "ex_factory": ex_factory,
            "customer_date": customer_date,
            "merchandiser": merchandiser,
            "terms": terms,
            "deposit": deposit,
            "currency": currency,
            "total": total,
            "quantity": sum(line[2] for line in lines),
            "needs_gm": commission
            or deposit > 0
            or (currency == "USD" and total > GM_THRESHOLD_USD),
        }
        self.review(order)
        self.events(order, self.plan(order))
        self.shipping(order)
        self.after_sales(order)

    # ---- review: R5, R10, R11 ----------------------------------------------------------------
    def review(self, o) -> None:
        rng, position = self.rng, o["position"]
        complete = position >= 1 or rng.random() < 0.5
        at = moment(o["order_date"] + timedelta(days=1), 60)
        self.t["check"].add(
            order_id=o["id"],
            **dict.fromkeys(CHECK_FIELDS, complete),
            customer_signed=complete,
            checked_by_id=o["merchandiser"],
            checked_at=at,
        )
        if position < 1:
            return
        chain = [("merchandiser", o["merchandiser"])]
        chain.append(("department_manager", self.user["manager"]))
        chain.append(("administration", self.user["admin_clerk"]))
        if o["needs_gm"]:
            chain.append(("general_manager", self.user["gm"]))
        if position == 1:
            chain = chain[: 1 + rng.randint(0, len(chain) - 1)]
        for step, (name, user) in enumerate(chain):
            self.t["approval"].add(
                order_id=o["id"],
                review_round=1,
                step=name,
                decision="approved",
                user_id=user,
                at=at + timedelta(days=1 + step),
            )
        o["approvals"] = [name for name, _user in chain]
        if position < 2:
            return
        if o["terms"] == PaymentTerms.LETTER_OF_CREDIT:
            kinds = [
                ("lc_received", "finance"),
                ("lc_checked_merchandiser", None),
                ("lc_checked_documents", "admin_clerk"),
            ]
        elif o["deposit"] > 0:
            kinds = [("deposit_confirmed", "finance")]
        else:
            kinds = [("credit_approved", "manager")]
        if position == 2 and rng.random() < 0.5:
            kinds = kinds[:-1]
        for kind, username in kinds:
            self.t["clearance"].add(
                order_id=o["id"],
                kind=kind,
                user_id=self.user[username] if username else o["merchandiser"],
                at=at + timedelta(days=6),
                reference=f"LC-{o['number']}" if kind == "lc_received" else "",
            )
        o["clearances"] = [kind for kind, _user in kinds]

    # ---- the timeline ------------------------------------------------------------------------
    def events(self, o, extra: list) -> None:
        """About ten events: the walk through the lifecycle as far as the order went."""
        day0, ex_factory, position = o["order_date"], o["ex_factory"], o["position"]
        merch = o["merchandiser"]
        rows = [
            ("created", "", day0, merch, "", ""),
            ("contract_check", "", day0 + timedelta(days=1), merch, "", ""),
        ]
        rows += [(kind, action, day, merch, "", "") for kind, action, day in extra]
        if position >= 1:
            rows.append(("transition", "submit_for_review", day0 + timedelta(days=2), merch,
                         Stage.RECEIVED, Stage.IN_REVIEW))  # fmt: skip
        for step, name in enumerate(o.get("approvals", [])[1:]):
            user = self.user[{"department_manager": "manager", "administration": "admin_clerk",
                              "general_manager": "gm"}[name]]  # fmt: skip
            rows.append(("approval", name, day0 + timedelta(days=3 + step), user, "", ""))
        if position >= 2:
            rows.append(("transition", "approve", day0 + timedelta(days=6), self.user["manager"],
                         Stage.IN_REVIEW, Stage.APPROVED))  # fmt: skip
        if o.get("clearances"):
            rows.append(("payment", o["clearances"][-1], day0 + timedelta(days=8),
                         self.user["finance"], "", ""))  # fmt: skip
        walk = [
            (3, "start_production", ex_factory - timedelta(days=40), merch),
            (4, "start_inspection", ex_factory - timedelta(days=4), self.user["qc"]),
            (5, "ship", ex_factory, merch),
            (6, "settle", ex_factory + timedelta(days=45), self.user["finance"]),
        ]
        for needed, name, day, actor in walk:
            if position >= needed:
                rows.append(("transition", name, day, actor, LIFECYCLE[needed - 1],
                             LIFECYCLE[needed]))  # fmt: skip
        if o["stage"] in (Stage.CANCELLED, Stage.ON_HOLD):
            name = "cancel" if o["stage"] == Stage.CANCELLED else "hold"
            rows.append(("transition", name, max(day0 + timedelta(days=10), rows[-1][2]),
                         self.user["manager"], LIFECYCLE[position], o["stage"]))  # fmt: skip
        for index, (kind, action, day, actor, source, target) in enumerate(rows):
            self.t["event"].add(
                order_id=o["id"],
                kind=kind,
                actor_id=actor,
                at=moment(min(day, self.today), 37 * index + o["number"] % 30),
                from_stage=source,
                to_stage=target,
                action=action,
            )


CHECK_FIELDS = [
    "quantity_and_allocation",
    "price",
    "fabric",
    "finishing",
    "payment_terms",
    "customer_date",
    "style",
    "packing_and_shipping",
]
