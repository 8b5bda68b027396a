"""The sample comment letter (覆辦信, R4): every discrepancy, and whether production may start."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.lifecycle import Lifecycle
from orders.models.fields import StatusBadge
from orders.uploads import UploadValidator
from samples import rules
from samples.choices import LETTER_STATUS_COLOURS, LetterLayout, LetterStatus
from samples.models.sample import SampleRequest


class CommentLetter(StatusBadge, Lifecycle, models.Model):
    sample = models.ForeignKey(
        SampleRequest, on_delete=models.CASCADE, related_name="letters", verbose_name=_("sample")
    )
    layout = models.CharField(_("layout"), max_length=10, choices=LetterLayout.choices)
    status = FSMField(
        _("status"),
        max_length=10,
        choices=LetterStatus.choices,
        default=LetterStatus.DRAFT,
        protected=True,
    )
    remarks = models.TextField(_("remarks to the factory"), blank=True)
    document = models.FileField(
        _("customer's letter"),
        upload_to="samples/letters/%Y/%m/",
        blank=True,
        validators=[UploadValidator("document")],
    )
    # For an uploaded letter the merchandiser reads the answer off the customer's letter (R4);
    # for ours it is frozen from the discrepancies when the group head signs.
    production_may_start = models.BooleanField(_("production may start"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    created_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    status_colours = LETTER_STATUS_COLOURS

    class Meta:
        verbose_name = _("sample comment letter")
        verbose_name_plural = _("sample comment letters")
        ordering = ["sample", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.sample} {self.get_layout_display()}"

    def get_absolute_url(self) -> str:
        return reverse("samples:detail", args=[self.sample_id])

    @property
    def is_uploaded(self) -> bool:
        return self.layout == LetterLayout.UPLOADED

    @property
    def may_start(self) -> bool:
        """R4: the letter's answer to "may production start?"."""
        if self.production_may_start is not None:
            return self.production_may_start
        return rules.production_may_start(self.sample.discrepancies.all())

    @property
    def form_code(self) -> str:
        """The registered form that prints it: a customer's uploaded letter travels with our
        house cover sheet, which states the customer's answer and the group head's signature."""
        return LetterLayout.HOUSE.value if self.is_uploaded else LetterLayout(self.layout).value

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def may_leave(self) -> bool:
        return rules.comment_letter_may_leave(self)

    # ---- the lifecycle (R4): draft -> signed by the group head -> sent to the factory; -------
    # ---- a new letter for the round withdraws the one not yet sent -------------------------
    @transition(
        field=status,
        source=LetterStatus.DRAFT,
        target=LetterStatus.SIGNED,
        permission=rules.may_sign_comment_letter,
    )
    def sign(self, *, by, at) -> None:
        """Our letter's answer to "may production start?" is frozen at the signature."""
        if self.production_may_start is None:
            self.production_may_start = rules.production_may_start(self.sample.discrepancies.all())
        self.signed_by, self.signed_at = by, at

    @transition(
        field=status,
        source=[LetterStatus.SIGNED, LetterStatus.SENT],
        target=LetterStatus.SENT,
        conditions=[rules.comment_letter_may_leave],
        permission=rules.may_work_on_letter,
    )
    def send_to_factory(self, *, by, at) -> None:
        self.sent_by, self.sent_at = by, at

    @transition(
        field=status,
        source=[LetterStatus.DRAFT, LetterStatus.SIGNED],
        target=LetterStatus.WITHDRAWN,
        permission=rules.may_work_on_letter,
    )
    def withdraw(self) -> None:
        """Replaced by a newer letter for the same round before it left."""
