"""Time-and-action plans: templates the managers edit, and each order's own milestones."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orders.models.events import OrderEvent
from orders.models.order import Order
from orders.models.parties import Customer
from orders.planning.choices import MILESTONE_LABELS, Anchor, OffsetUnit
from orders.roles import Role
from orders.timeline import unknown_actions


def split_codes(text: str) -> list[str]:
    return [code for code in text.replace(",", " ").split() if code]


class PlanTemplate(models.Model):
    """The milestones an order gets, per customer or product type, or the office's default."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    customer = models.ForeignKey(
        Customer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plan_templates",
        verbose_name=_("customer"),
    )
    product_type = models.CharField(
        _("product type"),
        max_length=60,
        blank=True,
        help_text=_("Applies to orders whose description contains this word, e.g. knit, denim."),
    )
    is_default = models.BooleanField(_("default template"), default=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("time-and-action template")
        verbose_name_plural = _("time-and-action templates")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_plan"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MilestoneFields(models.Model):
    """What a milestone is, shared by the template and the order's copy (a later edit of the
    template leaves existing plans as they were agreed)."""

    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120, blank=True)
    anchor = models.CharField(
        _("counted from"), max_length=12, choices=Anchor.choices, default=Anchor.EX_FACTORY
    )
    anchor_action = models.CharField(
        _("anchor event"),
        max_length=60,
        blank=True,
        help_text=_("For milestones counted from an event: the timeline action that starts it."),
    )
    offset = models.IntegerField(
        _("offset"), default=0, help_text=_("Negative: before the date it is counted from.")
    )
    unit = models.CharField(
        _("unit"), max_length=12, choices=OffsetUnit.choices, default=OffsetUnit.DAYS
    )
    owner_role = models.CharField(
        _("owner"), max_length=20, choices=Role.choices, default=Role.MERCHANDISER
    )
    completed_by = models.CharField(
        _("completed by actions"),
        max_length=255,
        blank=True,
        help_text=_("Timeline action codes that complete it, separated by spaces."),
    )
    critical = models.BooleanField(
        _("on the critical path"),
        default=True,
        help_text=_("Its delay moves the later milestones and the ex-factory date."),
    )
    is_ex_factory = models.BooleanField(
        _("is the ex-factory milestone"),
        default=False,
        help_text=_("Its projected date is the order's projected ex-factory date."),
    )

    class Meta:
        abstract = True

    @property
    def label(self):
        return self.name or MILESTONE_LABELS.get(self.code, self.code)

    @property
    def action_codes(self) -> list[str]:
        return split_codes(self.completed_by)


class MilestoneTemplate(MilestoneFields):
    template = models.ForeignKey(
        PlanTemplate,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("template"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("milestone template")
        verbose_name_plural = _("milestone templates")
        ordering = ["template", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="unique_milestone_code")
        ]

    def __str__(self) -> str:
        return str(self.label)

    def clean(self) -> None:
        """A misspelt code would leave the milestone open for ever (late flags, escalations):
        only the codes the timeline records are accepted."""
        errors = {}
        unknown = unknown_actions(self.action_codes)
        if unknown:
            errors["completed_by"] = unknown_code_message(unknown)
        if self.anchor_action and unknown_actions([self.anchor_action]):
            errors["anchor_action"] = unknown_code_message([self.anchor_action])
        if errors:
            raise ValidationError(errors)


def unknown_code_message(codes: list[str]) -> str:
    return _("No event is recorded under %(codes)s: use the timeline's action codes.") % {
        "codes": ", ".join(codes)
    }


class OrderPlan(models.Model):
    """The order's projection, kept current by orders.services.planning.reproject, so every
    list reads "at risk" from one joined row instead of recomputing it per order."""

    order = models.OneToOneField(
        Order, on_delete=models.CASCADE, related_name="plan", verbose_name=_("order")
    )
    template = models.ForeignKey(
        PlanTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("template"),
    )
    projected_ex_factory_date = models.DateField(_("projected ex-factory date"), null=True)
    delay_days = models.IntegerField(_("projected delay (days)"), default=0)
    at_risk = models.BooleanField(_("at risk"), default=False, db_index=True)
    projected_on = models.DateField(_("projected on"), null=True)
    # The calendar can move the projection only once a day after this one has begun: the
    # earliest projected date of an open milestone (from then on it is pushed to today), or the
    # open ex-factory milestone's planned date. Empty: nothing open moves with the calendar.
    # Kept by orders.services.planning.project_milestones, so the daily pass reads only these plans.
    moves_after = models.DateField(_("projection moves after"), null=True, blank=True)
    built_at = models.DateTimeField(_("built"), auto_now_add=True)

    class Meta:
        verbose_name = _("time-and-action plan")
        verbose_name_plural = _("time-and-action plans")
        indexes = [
            # The daily pass's candidates (orders.services.reprojection.plans_that_can_move).
            models.Index(fields=["moves_after"], name="plan_moves_after"),
            models.Index(
                fields=["order"], condition=Q(projected_on__isnull=True), name="plan_not_projected"
            ),
        ]

    def __str__(self) -> str:
        return str(self.order)


class Milestone(MilestoneFields):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("order")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    planned_date = models.DateField(_("planned"), null=True, blank=True)
    projected_date = models.DateField(_("projected"), null=True, blank=True)
    actual_date = models.DateField(_("actual"), null=True, blank=True)
    completed_by_event = models.ForeignKey(
        OrderEvent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by event"),
    )
    completed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["order", "position", "id"]
        indexes = [
            # The daily reminder scan: open milestones up to a date (see orders.reminders).
            models.Index(
                fields=["planned_date", "order"],
                condition=Q(actual_date__isnull=True),
                name="milestone_open_due",
            ),
            # The on-time KPIs and the factory scorecard: ex-factory milestones done in a period.
            models.Index(
                fields=["actual_date"],
                condition=Q(is_ex_factory=True, actual_date__isnull=False),
                name="milestone_shipped_on",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}: {self.label}"

    @property
    def is_done(self) -> bool:
        return self.actual_date is not None
