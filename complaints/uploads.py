"""Photos and documents of a complaint, and the reply letter: checked by content, not by name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from orders.documents.choices import SIGNED_COPY_TYPES

# Photos are images; documents may also be PDFs (delivery lists, carton labels, letters).
PHOTO_TYPES = ("image/jpeg", "image/png")
DOCUMENT_TYPES = ("application/pdf", "image/jpeg", "image/png")


def max_bytes() -> int:
    return int(getattr(settings, "GENDAN_COMPLAINT_UPLOAD_MAX_MB", 10)) * 1024 * 1024


def validate_upload(upload, *, allowed=DOCUMENT_TYPES) -> None:
    if upload.size > max_bytes():
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes() // 1024 // 1024}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for content_type in allowed:
        extension, magic = SIGNED_COPY_TYPES[content_type]
        if head.startswith(magic):
            if not upload.name.lower().endswith((extension, ".jpeg")):
                upload.name = f"{upload.name.rsplit('.', 1)[0]}{extension}"
            return
    if allowed == PHOTO_TYPES:
        raise ValidationError(_("Please upload a JPEG or PNG photo."))
    raise ValidationError(_("Please upload a PDF, JPEG or PNG file."))
