"""The signed copy a factory uploads: PDF, JPEG or PNG, checked by content, not by name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from orders.documents.choices import (
    MASTER_FILE_EXTENSIONS,
    MASTER_FILE_TYPES,
    SIGNED_COPY_TYPES,
)


def max_bytes() -> int:
    return int(settings.GENDAN_SIGNED_COPY_MAX_MB) * 1024 * 1024


def validate_signed_copy(upload) -> None:
    if upload.size > max_bytes():
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": settings.GENDAN_SIGNED_COPY_MAX_MB}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for extension, magic in SIGNED_COPY_TYPES.values():
        if head.startswith(magic):
            if not upload.name.lower().endswith(_extensions(extension)):
                upload.name = f"signed-copy{extension}"
            return
    raise ValidationError(_("Please upload a PDF, JPEG or PNG file."))


def _extensions(extension: str) -> tuple[str, ...]:
    return (extension, ".jpeg") if extension == ".jpg" else (extension,)


def validate_master_file(upload) -> None:
    """A customer's standing document: PDF, picture or office file, checked by content."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": settings.GENDAN_SIGNED_COPY_MAX_MB}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    known_content = any(head.startswith(magic) for _ext, magic in MASTER_FILE_TYPES.values())
    if not (known_content and upload.name.lower().endswith(MASTER_FILE_EXTENSIONS)):
        raise ValidationError(_("Please upload a PDF, a picture or an Excel or Word file."))
