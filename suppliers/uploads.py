"""A trim's picture (R24): JPEG or PNG, checked by its content, and small enough to embed."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Content types WeasyPrint embeds as they are, with the first bytes that prove them.
PICTURE_TYPES = {
    "image/jpeg": (".jpg", b"\xff\xd8\xff"),
    "image/png": (".png", b"\x89PNG\r\n\x1a\n"),
}
DEFAULT_MAX_MB = 5


def max_mb() -> int:
    return int(getattr(settings, "GENDAN_TRIM_PICTURE_MAX_MB", DEFAULT_MAX_MB))


def picture_type(head: bytes) -> str | None:
    for mimetype, (_extension, magic) in PICTURE_TYPES.items():
        if head.startswith(magic):
            return mimetype
    return None


def validate_trim_picture(upload) -> None:
    """Refuse anything but a real JPEG or PNG under the size limit, whatever its name says."""
    if upload.size > max_mb() * 1024 * 1024:
        raise ValidationError(_("The picture is too large (at most %(mb)s MB).") % {"mb": max_mb()})
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    mimetype = picture_type(content[:16])
    if mimetype is None:
        raise ValidationError(_("Please upload the trim's picture as a JPEG or PNG file."))
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()  # a truncated or forged file fails here, not later in the PDF
    except (UnidentifiedImageError, OSError, SyntaxError) as broken:
        raise ValidationError(_("The picture file is damaged.")) from broken
    if getattr(upload, "_committed", False):
        return  # a stored picture keeps its name; only a new upload is renamed
    extension = PICTURE_TYPES[mimetype][0]
    if not upload.name.lower().endswith((extension, ".jpeg") if extension == ".jpg" else extension):
        upload.name = f"trim{extension}"
