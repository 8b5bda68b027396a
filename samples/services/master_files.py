from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.permissions import is_managing
from orders.services.common import ActionRefused, lock_row
from samples.models import StyleMasterFile


def master_file_approve(
    *, master_file: StyleMasterFile, user, approved_on: date | None = None
) -> StyleMasterFile:
    """A manager approves a style's master file; repeat orders of the style (直接單) are then
    made to it without a new pre-production sample."""
    if not (is_managing(user) or user.teams_headed.exists()):
        raise ActionRefused(_("Only a group head or a manager approves a style's master file."))
    with transaction.atomic():
        master_file = lock_row(StyleMasterFile, pk=master_file.pk)
        master_file.approved_by = user
        master_file.approved_on = approved_on or timezone.localdate()
        master_file.save(update_fields=["approved_by", "approved_on"])
    return master_file
