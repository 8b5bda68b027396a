"""Every file a user or a recipient uploads is checked here, by kind: its type by its content
(the first bytes, never the name: an .exe renamed .pdf is refused), its size against the kind's
limit (GENDAN_UPLOAD_MAX_MB), pictures opened to prove they are whole, and its name made safe.
Every file field of every model carries UploadValidator, so the admin checks what it stores as
the pages do; the P/O import's reader then looks deeper (orders.importing)."""

import io
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from orders.refusals import ActionRefused
from orders.text import printable

# Content type: (the extension a stored file gets, the bytes its content starts with).
CONTENT_TYPES = {
    "application/pdf": (".pdf", b"%PDF-"),
    "image/jpeg": (".jpg", b"\xff\xd8\xff"),
    "image/png": (".png", b"\x89PNG\r\n\x1a\n"),
    # .xlsx / .docx are zip packages, .xls / .doc OLE compound files: their names tell which.
    "application/zip": (".xlsx", b"PK\x03\x04"),
    "application/x-ole-storage": (".xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    # Plain text has no signature: its name says CSV and its first bytes hold no NUL.
    "text/csv": (".csv", b""),
}
OFFICE_EXTENSIONS = {
    "application/zip": (".xlsx", ".xlsm", ".docx"),
    # An .xlsx saved with a password is an OLE file: the import's reader says so.
    "application/x-ole-storage": (".xls", ".doc", ".xlsx"),
    "text/csv": (".csv",),
}
PICTURES = ("image/jpeg", "image/png")
PAPERS = ("application/pdf", *PICTURES)
LONGEST_NAME = 100


@dataclass(frozen=True)
class UploadKind:
    types: tuple[str, ...]
    refusal: object  # what to upload instead, in the user's language


KINDS = {
    # A copy signed on paper and scanned or photographed: contracts, forms, L/G letters.
    "signed_copy": UploadKind(PAPERS, _("Please upload a PDF, JPEG or PNG file.")),
    # Letters, scans and artwork kept on the order (customer letters, export papers, marks).
    "document": UploadKind(PAPERS, _("Please upload a PDF, JPEG or PNG file.")),
    # Photos of goods (complaints, inspection defects) and trim pictures printed on forms.
    "photo": UploadKind(PICTURES, _("Please upload a JPEG or PNG photo.")),
    "picture": UploadKind(PICTURES, _("Please upload the picture as a JPEG or PNG file.")),
    # A customer's standing documents (R9): standards and price lists come as office files too.
    "master_file": UploadKind(
        (*PAPERS, "application/zip", "application/x-ole-storage"),
        _("Please upload a PDF, a picture or an Excel or Word file."),
    ),
    # A customer's P/O to import (its limit is GENDAN_IMPORT_MAX_MB).
    "spreadsheet": UploadKind(
        ("application/zip", "application/x-ole-storage", "text/csv"),
        _("This file is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file."),
    ),
}


def max_mb(kind: str) -> int:
    return int(settings.GENDAN_UPLOAD_MAX_MB[kind])


def validate_upload(upload, kind: str) -> None:
    """Refuse the file unless its content is one of the kind's types and it is small enough;
    a new upload's name is made safe and given the extension of what it really is."""
    rule = KINDS[kind]
    if upload.size > max_mb(kind) * 1024 * 1024:
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": max_mb(kind)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = _content_type(head, upload.name, rule.types)
    if content_type is None:
        raise ValidationError(rule.refusal, code="type")
    if content_type in PICTURES:
        _check_picture(upload)
    if not getattr(upload, "_committed", False):  # a stored file keeps its name
        upload.name = safe_name(upload.name, content_type)


def _content_type(head: bytes, name: str, allowed: tuple[str, ...]) -> str | None:
    for content_type in allowed:
        _extension, magic = CONTENT_TYPES[content_type]
        if not head.startswith(magic) or (not magic and b"\x00" in head):
            continue
        extensions = OFFICE_EXTENSIONS.get(content_type)
        if extensions and not (name or "").lower().endswith(extensions):
            continue  # any zip is not an Excel file
        return content_type
    return None


def _check_picture(upload) -> None:
    content = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()  # a truncated or forged picture fails here, not later in a PDF
    except (UnidentifiedImageError, OSError, SyntaxError) as broken:
        raise ValidationError(_("The picture file is damaged."), code="damaged") from broken


def safe_name(name: str, content_type: str) -> str:
    """The uploaded name without folders, invisible controls or unsafe characters, ending in
    the extension of its content."""
    stem, extension = os.path.splitext(os.path.basename(printable(name or "").replace("\\", "/")))
    wanted = CONTENT_TYPES[content_type][0]
    if content_type in OFFICE_EXTENSIONS and extension.lower() in OFFICE_EXTENSIONS[content_type]:
        wanted = extension.lower()
    elif content_type == "image/jpeg" and extension.lower() == ".jpeg":
        wanted = ".jpeg"
    try:
        stem = get_valid_filename(stem)
    except SuspiciousFileOperation:  # nothing usable left of the name
        stem = ""
    return f"{(stem or 'upload')[: LONGEST_NAME - len(wanted)]}{wanted}"


def upload_checked(upload, kind: str):
    """validate_upload for a service: a refusal says what to upload instead."""
    if upload is None:
        return None
    try:
        validate_upload(upload, kind)
    except ValidationError as invalid:
        raise ActionRefused(invalid.messages[0]) from invalid
    return upload


@deconstructible
class UploadValidator:
    """validate_upload as a field validator: `validators=[UploadValidator("photo")]`."""

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, upload) -> None:
        if getattr(upload, "_committed", False):
            return  # a file already stored was checked when it came in
        validate_upload(upload, self.kind)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and other.kind == self.kind
