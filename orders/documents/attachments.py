"""The files a sent document mails after its PDF (FormSpec.attachments).

They are copied into storage when the document is sent, under the row's own folder with a
manifest written last: every attempt of that row, in this process or in a worker, mails the
very same files, even if the printed object's file is replaced in between. A row without a
manifest has no attachments."""

import json
import mimetypes

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename

from orders.documents.choices import SIGNED_COPY_TYPES
from orders.documents.registry import Attachment, FormSpec

FOLDER = "documents/attachments"


def _folder(document_id: int) -> str:
    return f"{FOLDER}/{document_id}"


def _manifest(document_id: int) -> str:
    return f"{_folder(document_id)}/manifest.json"


def guess_mimetype(filename: str, content: bytes) -> str:
    """By the name, else by the first bytes; what a mail client needs to open the file."""
    guessed, _encoding = mimetypes.guess_type(filename)
    if guessed:
        return guessed
    for mimetype, (_extension, magic) in SIGNED_COPY_TYPES.items():
        if content.startswith(magic):
            return mimetype
    return "application/octet-stream"


def snapshot(spec: FormSpec, obj, document_id: int) -> list[Attachment]:
    """Copy the object's attachments for this row; call once, when the row is made."""
    if spec.attachments is None:
        return []
    files = [Attachment(*item) for item in spec.attachments(obj)]
    entries = []
    for position, item in enumerate(files, start=1):
        # The position keeps two files of the same name apart; the mail keeps the real name.
        name = f"{_folder(document_id)}/{position}-{get_valid_filename(item.filename)}"
        entries.append(
            {
                "filename": item.filename,
                "mimetype": item.mimetype,
                "path": default_storage.save(name, ContentFile(item.content)),
            }
        )
    if entries:
        if default_storage.exists(_manifest(document_id)):  # left by a row since rolled back
            default_storage.delete(_manifest(document_id))
        default_storage.save(_manifest(document_id), ContentFile(json.dumps(entries).encode()))
    return files


def _entries(document_id: int) -> list[dict]:
    path = _manifest(document_id)
    if not default_storage.exists(path):
        return []
    with default_storage.open(path, "rb") as manifest:
        return json.loads(manifest.read())


def stored(document_id: int) -> list[Attachment]:
    """The files copied when the row was made, in their order."""
    files = []
    for entry in _entries(document_id):
        with default_storage.open(entry["path"], "rb") as stored_file:
            files.append(Attachment(entry["filename"], stored_file.read(), entry["mimetype"]))
    return files


def names(document_id: int) -> list[str]:
    return [entry["filename"] for entry in _entries(document_id)]
