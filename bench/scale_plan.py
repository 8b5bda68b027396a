"""The time-and-action side of bench/scale.py's orders: plan, progress, date changes."""

import random
from datetime import timedelta
from types import SimpleNamespace

from bench.scale_rows import moment
from orders.choices import ACTIVE_STAGES, Stage
from orders.planning import scheduling
from orders.planning.choices import Anchor
from orders.services.planning import moves_after

DONE_BY = {
    "customer_reply": 1,
    "lab_dips": 3,
    "fabric_in_house": 3,
    "trims_in_house": 3,
    "trim_card_check": 3,
    "pp_sample": 3,
    "cutting_start": 3,
    "shipping_marks": 5,
    "inline_inspection": 4,
    "book_final_inspection": 4,
    "final_inspection": 5,
    "packing_list": 5,
    "ex_factory": 5,
    "commercial_invoice": 5,
    "etd": 5,
}  # the lifecycle position by which each milestone is done


class PlanRows:
    rng: random.Random

    def plan(self, o) -> list:
        """The plan of 15 milestones, its progress reports and date changes, and yesterday's
        projection. Returns the timeline events the plan implies."""
        rng, today, position = self.rng, self.today, o["position"]
        trim_card_on = None
        if position >= 3 or (position == 2 and rng.random() < 0.6):
            trim_card_on = (
                o["ex_factory"] - timedelta(days=45)
                if position >= 3
                else today - timedelta(days=rng.randint(0, 4))
            )
        rows, queued = [], []
        for template in self.milestones:
            start = {
                Anchor.EX_FACTORY: o["ex_factory"],
                Anchor.ORDER_DATE: o["order_date"],
                Anchor.EVENT: trim_card_on,
            }[template.anchor]
            planned = (
                None
                if start is None
                else self.planned(template.anchor, template.offset, template.unit, start)
            )
            done_by = DONE_BY.get(template.code, 6)
            actual = None
            if planned is not None:
                done = position >= done_by or (
                    position == done_by - 1 and planned < today and rng.random() < 0.8
                )
                if done and not (o["stage"] == Stage.CANCELLED and position < done_by):
                    delay = rng.choice([0, 0, 0, 0, 0, 0, 0, 1, 2, 4, -1, -2])
                    actual = min(planned + timedelta(days=delay), today)
            rows.append(
                scheduling.PlanRow(planned, actual, template.critical, template.is_ex_factory)
            )
            queued.append((template, planned, actual))
        finish = self.progress(o)
        slip = scheduling.project(rows, today=self.yesterday)
        projected = scheduling.projected_ex_factory(
            ex_factory_date=o["ex_factory"], rows=rows, slip=slip, production_finish=finish
        )
        shown = []  # each milestone as the projection leaves it (for the plan's moves_after)
        for (template, planned, actual), row in zip(queued, rows, strict=True):
            shown.append(
                SimpleNamespace(
                    planned_date=planned,
                    projected_date=row.projected,
                    actual_date=actual,
                    is_ex_factory=template.is_ex_factory,
                )
            )
            self.t["milestone"].add(
                order_id=o["id"],
                position=template.position,
                code=template.code,
                name=template.name,
                anchor=template.anchor,
                anchor_action=template.anchor_action,
                offset=template.offset,
                unit=template.unit,
                owner_role=template.owner_role,
                completed_by=template.completed_by,
                critical=template.critical,
                is_ex_factory=template.is_ex_factory,
                planned_date=planned,
                projected_date=row.projected,
                actual_date=actual,
                completed_by_user_id=o["merchandiser"] if actual else None,
                order_open=o["stage"] in ACTIVE_STAGES,
            )
        active = o["stage"] in ACTIVE_STAGES
        self.t["plan"].add(
            order_id=o["id"],
            template_id=self.office.template.pk,
            projected_ex_factory_date=projected,
            delay_days=(projected - o["ex_factory"]).days,
            at_risk=active and projected > o["customer_date"],
            projected_on=self.yesterday,
            moves_after=moves_after(shown, self.yesterday) if active else None,
            built_at=moment(o["order_date"], 30),
        )
        if trim_card_on is not None:
            approved = position >= 3
            self.t["trim_card"].add(
                order_id=o["id"],
                round=1,
                received_on=trim_card_on,
                copies=2,
                review_deadline=self.planned("event", 3, "working_days", trim_card_on),
                status="approved" if approved else "submitted",
                reviewed_at=moment(trim_card_on + timedelta(days=2), 90) if approved else None,
                received_by_id=o["merchandiser"],
                reviewed_by_id=o["merchandiser"] if approved else None,
            )
        self.date_changes(o)
        return [("note", "plan_built", o["order_date"] + timedelta(days=1))]

    def progress(self, o):
        """R25 weekly figures for orders in production or later (two steps, two weeks)."""
        if o["position"] < 3 or o["stage"] == Stage.CANCELLED:
            return None
        total, finishes = o["quantity"], []
        start = o["ex_factory"] - timedelta(days=35)
        if o["position"] == 3:
            start = min(start, self.today - timedelta(days=14))
        for step_index, step in enumerate(self.steps[:2]):
            week = start - timedelta(days=start.weekday()) + timedelta(days=7 * step_index)
            first = total * (30 - 10 * step_index) // 100
            last = total if o["position"] > 3 else total * (60 - 10 * step_index) // 100
            for offset, done in ((0, first), (7, last)):
                self.t["progress"].add(
                    order_id=o["id"],
                    step_id=step,
                    week_of=week + timedelta(days=offset),
                    reported_on=week + timedelta(days=offset + 4),
                    quantity_done=done,
                    quantity_scrapped=done // 100,
                    completed=done >= total,
                    reported_by_id=o["merchandiser"],
                    reported_at=moment(week + timedelta(days=offset + 4), 300),
                )
            figures = scheduling.StepFigures(
                week + timedelta(days=4), first, week + timedelta(days=11), last, last >= total
            )
            finishes.append(scheduling.step_finish(figures, total=total))
        finishes = [finish for finish in finishes if finish]
        return max(finishes) if finishes else None

    def date_changes(self, o) -> None:
        rng = self.rng
        if o["position"] < 2 or rng.random() > 0.04:
            return
        proposed = rng.random() < 0.1 and o["stage"] in ACTIVE_STAGES
        kind, requested, responsible = rng.choice(
            [
                ("factory_delay", "factory", "factory"),
                ("factory_delay", "factory", "factory"),
                ("customer_new_date", "customer", "customer"),
                ("factory_delay", "factory", "us"),
            ]
        )
        days = rng.randint(3, 21)
        current = o["ex_factory"] - timedelta(days=0 if proposed else days)
        self.t["date_change"].add(
            order_id=o["id"],
            kind=kind,
            requested_by=requested,
            current_date=current,
            proposed_date=current + timedelta(days=days),
            reason="Sewing line short of workers.",
            responsible=responsible,
            status="proposed" if proposed else "agreed",
            created_by_id=o["merchandiser"],
            created_at=moment(o["ex_factory"] - timedelta(days=40), 200),
            decided_by_id=None if proposed else o["merchandiser"],
            decided_at=None if proposed else moment(o["ex_factory"] - timedelta(days=38), 200),
        )
