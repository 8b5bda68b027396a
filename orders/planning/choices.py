"""Every choice and label of the planning concepts, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Anchor(models.TextChoices):
    EX_FACTORY = "ex_factory", _("ex-factory date")
    ORDER_DATE = "order_date", _("order date")
    EVENT = "event", _("an event on the timeline")


class OffsetUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")


class MilestoneState(models.TextChoices):
    DONE = "done", _("Done")
    LATE = "late", _("Late")
    DUE_SOON = "due_soon", _("Due soon")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting for its event")


MILESTONE_STATE_COLOURS = {
    MilestoneState.DONE: "green",
    MilestoneState.LATE: "red",
    MilestoneState.DUE_SOON: "orange",
    MilestoneState.OPEN: "grey",
    MilestoneState.WAITING: "grey",
}


class Party(models.TextChoices):
    FACTORY = "factory", _("Factory")
    CUSTOMER = "customer", _("Customer")
    US = "us", _("Us (the office)")


class DateChangeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for consent")
    AGREED = "agreed", _("Agreed")
    REFUSED = "refused", _("Refused")


class DateChangeKind(models.TextChoices):
    FACTORY_DELAY = "factory_delay", _("Factory expects a delay")
    EARLY_SHIPMENT = "early_shipment", _("Factory asks to ship early")
    CUSTOMER_NEW_DATE = "customer_new_date", _("Customer asks for a new date")


# The labels of the milestones and process steps the office knows by code; a template's own
# name is used for any other code, so managers can add milestones without a translation.
MILESTONE_LABELS = {
    "customer_reply": _("Written reply to the customer (R13)"),
    "lab_dips": _("Lab dips approved"),
    "fabric_in_house": _("Fabric in-house"),
    "trims_in_house": _("Trims in-house"),
    "trim_card_check": _("Trim card checked (R1)"),
    "pp_sample": _("PP sample approved"),
    "cutting_start": _("Cutting start"),
    "inline_inspection": _("Inline inspection"),
    "book_final_inspection": _("Final inspection booked (R12)"),
    "final_inspection": _("Final inspection passed"),
    "ex_factory": _("Ex-factory"),
    "commodity_inspection_booked": _("Commodity inspection (商檢) booked (R33)"),
    "commodity_inspection_passed": _("Commodity inspection (商檢) passed (R33)"),
    "customs_booked": _("Customs declaration booked (R33)"),
    "etd": _("ETD (departure)"),
}

STEP_LABELS = {
    "cutting": _("Cutting"),
    "sewing": _("Sewing"),
    "finishing": _("Finishing"),
    "packing": _("Packing"),
}


# The timeline actions this concept records, with their labels.
class PlanEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    PLAN_BUILT = "plan_built", _("Time-and-action plan built")
    MILESTONE_COMPLETED = "milestone_completed", _("Milestone completed")
    MILESTONE_REOPENED = "milestone_reopened", _("Milestone reopened")
    CUSTOMER_REPLY_SENT = "customer_reply_sent", _("Written reply sent to the customer (R13)")
    PROGRESS_REPORTED = "progress_reported", _("Production progress reported (R25)")
    DATE_CHANGE_REQUESTED = "date_change_requested", _("Delivery-date change requested (R6)")
    DATE_CHANGE_AGREED = "date_change_agreed", _("Delivery-date change agreed (R6)")
    DATE_CHANGE_REFUSED = "date_change_refused", _("Delivery-date change refused (R6)")
    PROGRESS_WEEKLY_STARTED = (
        "progress_weekly_started",
        _("Weekly progress report to the customer started"),
    )
    PROGRESS_WEEKLY_STOPPED = (
        "progress_weekly_stopped",
        _("Weekly progress report to the customer stopped"),
    )


class CommodityInspectionEvent(models.TextChoices):
    """R33: what the office records of a commodity inspection (商檢); each completes its
    milestone of the plan (orders.planning.commodity)."""

    INSPECTION_BOOKED = (
        "commodity_inspection_booking_recorded",
        _("Commodity inspection (商檢) booked with the inspection bureau (R33)"),
    )
    INSPECTION_PASSED = (
        "commodity_inspection_certificate_recorded",
        _("Commodity inspection (商檢) passed: certificate recorded (R33)"),
    )
    CUSTOMS_BOOKED = "customs_booking_recorded", _("Customs declaration booked (R33)")
