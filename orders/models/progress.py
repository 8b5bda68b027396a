"""Production progress (R25, R26): the factory's weekly figures per process step."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.models.order import Order
from orders.planning.choices import STEP_LABELS


class ProcessStep(models.Model):
    """A step of production that PMC reports on (cutting, sewing, finishing, packing...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self):
        return self.name or STEP_LABELS.get(self.code, self.code)


class ProgressReport(models.Model):
    """One step's cumulative figures for one week; a second report in the same week
    replaces the first."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="progress", verbose_name=_("order")
    )
    step = models.ForeignKey(
        ProcessStep, on_delete=models.PROTECT, related_name="+", verbose_name=_("step")
    )
    week_of = models.DateField(_("week of"), help_text=_("The Monday of the reported week."))
    reported_on = models.DateField(_("figures as of"))
    quantity_done = models.PositiveIntegerField(_("quantity done (to date)"))
    quantity_scrapped = models.PositiveIntegerField(_("quantity scrapped (to date)"), default=0)
    exception = models.TextField(_("exception"), blank=True)
    completed = models.BooleanField(_("step completed"), default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["order", "step__position", "week_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "step", "week_of"], name="one_progress_report_per_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} {self.step} {self.week_of:%Y-%m-%d}"


class CustomerProgressSubscription(models.Model):
    """An order whose customer gets the production progress report (F-PROG-001) every week
    (seed 000 §5.11.3: progress goes to the customer when it asks)."""

    order = models.OneToOneField(
        Order,
        on_delete=models.CASCADE,
        related_name="progress_subscription",
        verbose_name=_("order"),
    )
    # The weekly sweep claims a row by moving this date on (one report per week, exactly once).
    next_send_on = models.DateField(_("next report on"), db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)

    class Meta:
        verbose_name = _("weekly progress report to the customer")
        verbose_name_plural = _("weekly progress reports to customers")

    def __str__(self) -> str:
        return str(self.order)
