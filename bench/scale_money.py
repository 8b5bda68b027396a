"""Inspections, papers, money, samples and complaints of bench/scale.py's orders."""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from bench.scale_rows import moment
from orders.choices import PaymentTerms, Stage

CENT = Decimal("0.01")
OPEN_COMPLAINT_STATUSES = ["awaiting_approval", "awaiting_analysis", "awaiting_reply"]


class ShippingRows:
    rng: random.Random
    today: date

    def shipping(self, o) -> None:
        if o["stage"] == Stage.CANCELLED:
            return
        self.inspections(o)
        self.papers(o)
        self.money(o)
        self.samples(o)

    def inspections(self, o) -> None:
        rng, position, qc = self.rng, o["position"], self.user["qc"]
        bookings = []
        if position >= 3 and rng.random() < 0.3:
            bookings.append(("inline", o["ex_factory"] - timedelta(days=20), position >= 4))
        if position >= 4:
            reported = position >= 5 or rng.random() < 0.6
            bookings.append(("final", o["ex_factory"] - timedelta(days=3), reported))
        for kind, planned, reported in bookings:
            party = "own_qc" if rng.random() < 0.8 else "third_party"
            booking = self.t["booking"].add(
                order_id=o["id"],
                kind=kind,
                party=party,
                planned_date=planned,
                booked_at=moment(planned - timedelta(days=10), 100),
                booked_by_id=qc,
                lot_size=o["quantity"],
            )
            if reported and planned <= self.today:
                self.t["report"].add(
                    booking_id=booking,
                    inspected_on=planned,
                    quantity_presented=o["quantity"],
                    quantity_checked=200,
                    cartons_opened=12,
                    verdict="pass" if rng.random() < 0.97 or position >= 5 else "fail",
                    recorded_by_id=qc,
                    recorded_at=moment(planned, 400),
                )

    def papers(self, o) -> None:
        if o["position"] < 5:
            return
        ex_factory, number = o["ex_factory"], o["number"]
        for kind, days in (
            ("certificate_of_origin", -2),
            ("customs_declaration", 1),
            ("bill_of_lading", 2 + number % 5),
        ):
            issued = min(ex_factory + timedelta(days=days), self.today)
            self.t["document"].add(
                order_id=o["id"],
                kind=kind,
                number=f"{kind[:2].upper()}-{number:07d}",
                issued_on=issued,
                recorded_by_id=o["merchandiser"],
                recorded_at=moment(issued, 200),
            )

    def money(self, o) -> None:
        rng, position, total = self.rng, o["position"], o["total"]
        deposit = Decimal("0")
        if o["deposit"] > 0 and position >= 3:
            deposit = (total * o["deposit"] / 100).quantize(CENT, rounding=ROUND_HALF_UP)
            self.pay(o, "deposit", deposit, o["order_date"] + timedelta(days=7))
        remaining = total - deposit
        if position == 6:
            if rng.random() < 0.03:
                claim = (remaining * Decimal("0.03")).quantize(CENT)
                remaining -= claim
                self.t["deduction"].add(
                    order_id=o["id"],
                    source="claim",
                    amount=claim,
                    currency=o["currency"],
                    reason="Short shipment claimed by the customer.",
                    recorded_by_id=self.user["finance"],
                    recorded_at=moment(o["ex_factory"] + timedelta(days=30), 60),
                )
            kind = "lc_negotiation" if o["terms"] == PaymentTerms.LETTER_OF_CREDIT else "balance"
            self.pay(o, kind, remaining, o["ex_factory"] + timedelta(days=25))
        elif position == 5 and rng.random() < 0.25:
            self.pay(o, "balance", (remaining / 2).quantize(CENT), o["ex_factory"] + timedelta(20))

    def pay(self, o, kind: str, amount: Decimal, day: date) -> None:
        day = min(day, self.today)
        self.t["payment"].add(
            order_id=o["id"],
            kind=kind,
            amount=amount,
            currency=o["currency"],
            received_on=day,
            reference=f"TT{o['number']:07d}{kind[:1].upper()}",
            recorded_by_id=self.user["finance"],
            recorded_at=moment(day, 120),
        )

    def samples(self, o) -> None:
        rng, position = self.rng, o["position"]
        if position < 2:
            return
        rounds = []
        if rng.random() < 0.3:
            rounds.append(("proto", "approved", o["order_date"] + timedelta(days=5)))
        status = "approved" if position >= 3 else rng.choice(["requested", "received", "checked"])
        rounds.append(("pp", status, o["ex_factory"] - timedelta(days=60)))
        for sample_type, status, requested in rounds:
            requested = min(requested, self.today)
            received = status != "requested"
            self.t["sample"].add(
                order_id=o["id"],
                style_no=f"ST{o['number'] % 4999:04d}",
                sample_type=sample_type,
                round_no=1,
                status=status,
                requested_on=requested,
                due_on=requested + timedelta(days=14),
                received_on=requested + timedelta(days=12) if received else None,
                decided_at=moment(requested + timedelta(days=20), 90)
                if status == "approved"
                else None,
                decided_by_id=self.user["manager"] if status == "approved" else None,
                created_by_id=o["merchandiser"],
                created_at=moment(requested, 60),
            )

    def after_sales(self, o) -> None:
        rng = self.rng
        if o["position"] < 5 or o["stage"] == Stage.CANCELLED or rng.random() > 0.02:
            return
        received = o["ex_factory"] + timedelta(days=rng.randint(20, 60))
        if received > self.today:
            return
        closed = received < self.today - timedelta(days=60)
        self.t["complaint"].add(
            order_id=o["id"],
            kind=rng.choice(["quality", "breakage", "short_shipment", "late_delivery"]),
            received_on=received,
            description="Seams open on a share of the cartons.",
            quantity_affected=rng.randint(10, 300),
            status="closed" if closed else rng.choice(OPEN_COMPLAINT_STATUSES),
            filed_by_id=o["merchandiser"],
            filed_at=moment(received, 80),
            closed_at=moment(received + timedelta(days=30), 80) if closed else None,
        )
