"""A customer P/O file being imported: the job's row, which the page polls for its progress."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders import permissions
from orders.choices import IMPORT_RUNNING, Currency, ImportPhase, ImportStatus, Language
from orders.models.parties import Customer, Team
from orders.uploads import UploadValidator


class DateOrder(models.TextChoices):
    DAY_FIRST = "dmy", _("Day first (31/12/2026)")
    MONTH_FIRST = "mdy", _("Month first (12/31/2026)")


class OrderImport(models.Model):
    file = models.FileField(
        _("file"), upload_to="imports/%Y/%m/", validators=[UploadValidator("spreadsheet")]
    )
    filename = models.CharField(_("file name"), max_length=255)
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="+", verbose_name=_("customer")
    )
    default_factory = models.ForeignKey(
        "suppliers.Factory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("factory"),
        help_text=_("For the rows that name no factory."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    date_order = models.CharField(
        _("dates written"), max_length=3, choices=DateOrder.choices, default=DateOrder.DAY_FIRST
    )
    merchandiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("merchandiser"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="order_imports",
        verbose_name=_("uploaded by"),
    )
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.ENGLISH
    )
    status = FSMField(
        _("status"), default=ImportStatus.UPLOADED, choices=ImportStatus.choices, protected=True
    )
    phase = models.CharField(_("phase"), max_length=10, choices=ImportPhase.choices, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    file_error = models.TextField(_("file error"), blank=True)
    row_errors = models.JSONField(_("row errors"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    order_ids = models.JSONField(_("orders created"), default=list, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # When its task (the check, or the write once confirmed) was last handed to the broker;
    # cleared when a worker takes it. Still set minutes later: the broker was down, and the
    # sweep (orders.importing.services.import_sweep) queues it again.
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True, default=timezone.now)

    class Meta:
        verbose_name = _("P/O import")
        verbose_name_plural = _("P/O imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.customer})"

    def get_absolute_url(self) -> str:
        return reverse("orders:import_detail", args=[self.pk])

    @property
    def running(self) -> bool:
        return self.status in IMPORT_RUNNING

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    # ---- the lifecycle -----------------------------------------------------------------------
    @transition(field=status, source=ImportStatus.UPLOADED, target=ImportStatus.CHECKING)
    def start_check(self) -> None:
        pass

    @transition(field=status, source=ImportStatus.CHECKING, target=ImportStatus.READY)
    def pass_check(self) -> None:
        pass

    @transition(field=status, source=ImportStatus.CHECKING, target=ImportStatus.REJECTED)
    def reject(self) -> None:
        pass

    @transition(
        field=status,
        source=ImportStatus.READY,
        target=ImportStatus.IMPORTING,
        permission=lambda job, user: (
            permissions.can_import_orders(user) and permissions.can_see_import(job, user)
        ),
    )
    def confirm(self) -> None:
        pass

    @transition(field=status, source=ImportStatus.IMPORTING, target=ImportStatus.IMPORTED)
    def finish(self) -> None:
        pass

    @transition(field=status, source=ImportStatus.IMPORTING, target=ImportStatus.FAILED)
    def fail(self) -> None:
        pass
