"""Trims by source, season-wide approvals and the trim card (R1)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.models import Customer
from orders.services.common import lock_row
from orders.timeline import event_message
from orders.uploads import upload_checked
from suppliers import calendar, notifications, rules
from suppliers.choices import SupplierEvent, SupplierKind, TrimCardStatus, TrimSource
from suppliers.models import SeasonTrim, Trim, TrimCard
from suppliers.permissions import can_approve_season_trims
from suppliers.services.common import ActionRefused, lock_for, note, perform


def validate_picture(picture) -> None:
    upload_checked(picture, "picture")


TRIM_FIELDS = [
    "description",
    "source",
    "trim_sample",
    "customer_trim_sample",
    "supplier",
    "contact",
    "order_date",
    "in_house_date",
    "colour_standard",
    "size_standard",
    "unit_price",
    "currency",
    "needed_by",
    "quantity",
    "consumption",
    "unit",
    "picture",
    "season_trim",
]


def validate_trim(trim: Trim) -> None:
    """Each source asks for its own fields (seed 000 §5.6.2); name every one that is missing."""
    if trim.source not in TrimSource.values:
        raise ActionRefused(_("Say where the trim comes from."))
    if not (trim.description or "").strip():
        raise ActionRefused(_("Name the trim."))
    missing = trim.missing_fields()
    if missing:
        source = TrimSource(trim.source).label
        raise ActionRefused(
            _("A %(source)s trim needs: %(fields)s.")
            % {
                "source": source,
                "fields": ", ".join(str(Trim._meta.get_field(n).verbose_name) for n in missing),
            },
            details=[str(Trim._meta.get_field(n).verbose_name) for n in missing],
        )
    if trim.picture and not trim.picture._committed:
        validate_picture(trim.picture)
    if trim.supplier_id and trim.supplier.kind != SupplierKind.TRIM_SUPPLIER:
        raise ActionRefused(_("The trim's supplier must be a trim supplier."))
    if trim.contact_id and trim.contact.supplier_id != trim.supplier_id:
        raise ActionRefused(_("The contact must work for the trim's supplier."))
    if trim.season_trim_id:
        season = trim.season_trim
        if season.customer_id != trim.order.customer_id or season.season != trim.order.season:
            raise ActionRefused(
                _("A season-wide trim counts only for orders of its own customer and season.")
            )


def trim_create(*, order_id: int, user, **fields) -> Trim:
    unknown = set(fields) - set(TRIM_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        order = lock_for(order_id, user)
        trim = Trim(order=order, **fields)
        validate_trim(trim)
        trim.save()
        note(
            order,
            user=user,
            kind=EventKind.EDITED,
            action=SupplierEvent.TRIM_ADDED,
            detail=event_message(
                gettext_noop("%(trim)s (%(source)s)"),
                trim=trim.description,
                source=TrimSource(trim.source).label,
            ),
        )
    return trim


def season_trim_approve(
    *, customer_id: int, season: str, description: str, user, trim_sample: str = "", comments=""
) -> SeasonTrim:
    """R1: a trim approved once at the start of the season; it then counts for every order of
    this customer and season."""
    season, description = (season or "").strip(), (description or "").strip()
    if not season or not description:
        raise ActionRefused(_("Give the season and the trim."))
    if not can_approve_season_trims(user):
        raise ActionRefused(_("You may not approve season-wide trims."))
    customer = Customer.objects.get(pk=customer_id)
    return SeasonTrim.objects.create(
        customer=customer,
        season=season,
        description=description,
        trim_sample=trim_sample,
        comments=comments,
        approved_by=user,
        approved_at=timezone.now(),
    )


def trim_apply_season_approval(*, trim_id: int, user, season_trim_id: int) -> Trim:
    with transaction.atomic():
        trim = lock_row(Trim, pk=trim_id)
        order = lock_for(trim.order_id, user)
        trim.season_trim = SeasonTrim.objects.get(pk=season_trim_id)
        if not trim.season_trim.is_approved:
            raise ActionRefused(_("That season-wide trim is not approved."))
        validate_trim(trim)
        trim.save(update_fields=["season_trim"])
        note(
            order,
            user=user,
            kind=EventKind.APPROVAL,
            action=SupplierEvent.SEASON_TRIM_APPLIED,
            detail=f"{trim.description} ← {trim.season_trim}",
        )
    return trim


def trim_card_receive(
    *, order_id: int, user, received_on: date | None = None, copies: int = 2
) -> TrimCard:
    """R1: the factory submits the trim card, in duplicate, once every bulk trim is in."""
    received_on = received_on or timezone.localdate()
    with transaction.atomic():
        order = lock_for(order_id, user)
        on_card = rules.trims_on_card(order)
        if not on_card:
            raise ActionRefused(_("No trim of this order needs a trim card."))
        not_in = [trim.description for trim in on_card if not trim.is_in_house]
        if not_in:
            raise ActionRefused(
                _("The factory submits the trim card only once all bulk trims are in (R1)."),
                details=not_in,
            )
        if copies != 2:
            raise ActionRefused(_("The factory submits the trim card in duplicate (R1)."))
        cards = order.trim_cards.select_for_update().order_by("-round")
        last = cards.first()
        if last is not None and last.status != TrimCardStatus.RETURNED:
            raise ActionRefused(
                _("The last trim card is still waiting for review or already approved.")
            )
        card = TrimCard.objects.create(
            order=order,
            round=(last.round if last else 0) + 1,
            received_on=received_on,
            copies=copies,
            review_deadline=calendar.trim_card_deadline(received_on),
            received_by=user,
        )
        note(
            order,
            user=user,
            kind=EventKind.NOTE,
            action=SupplierEvent.TRIM_CARD_RECEIVED,
            detail=event_message(
                gettext_noop("round %(round)s, check by %(deadline)s"),
                round=card.round,
                deadline=card.review_deadline.isoformat(),
            ),
        )
    return card


def _review(card_id: int, user, name: str, **details) -> tuple[TrimCard, object]:
    """Lock the card and its order, then take the review step `name` as `user`."""
    card = lock_row(TrimCard, pk=card_id)
    order = lock_for(card.order_id, user)
    card.order = order
    not_waiting = _("This trim card is not waiting for review.")
    perform(card, name, user=user, not_possible=not_waiting, by=user, at=timezone.now(), **details)
    card.save()
    return card, order


def trim_card_return(*, card_id: int, user, errors: str) -> TrimCard:
    """R1: errors go back to the factory at once, which submits a corrected card."""
    errors = (errors or "").strip()
    if not errors:
        raise ActionRefused(_("List the errors the factory must correct."))
    with transaction.atomic():
        card, order = _review(card_id, user, "return_to_factory", errors=errors)
        note(
            order,
            user=user,
            kind=EventKind.REJECTION,
            action=SupplierEvent.TRIM_CARD_RETURNED,
            detail=errors,
        )
        notifications.trim_card_returned(card)
    return card


def trim_card_approve(*, card_id: int, user, comment: str = "") -> TrimCard:
    """R1: the correct card is signed; one copy goes to QC, the other is filed."""
    with transaction.atomic():
        card, order = _review(card_id, user, "approve")
        late = card.reviewed_at.date() > card.review_deadline
        detail = comment.strip()
        if late:
            detail = " ".join(
                (_("Checked after the deadline of %(d)s.") % {"d": card.review_deadline}, detail)
            ).strip()
        note(
            order,
            user=user,
            kind=EventKind.APPROVAL,
            action=SupplierEvent.TRIM_CARD_APPROVED,
            detail=detail,
        )
    return card
