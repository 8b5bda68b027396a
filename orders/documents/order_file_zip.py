"""R9: the whole order file as one zip named after the customer's P/O number: a folder per kind
and an index (what, version, date, sent to, confirmed, file)."""

import csv
import io
import os
import tempfile
import zipfile
from datetime import datetime

from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from orders.documents.order_file import FileEntry, order_file

INDEX = "index.csv"


def zip_name(order) -> str:
    """`<P/O>.zip`, with only the characters a file name may carry."""
    return f"{get_valid_filename(order.po_number) or order.pk}.zip"


def _when(value) -> str:
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}" if value else ""


def _unique(name: str, taken: set[str]) -> str:
    stem, extension = os.path.splitext(name)
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{extension}"
    taken.add(candidate)
    return candidate


def _read(entry: FileEntry) -> bytes | None:
    try:
        with entry.file.open("rb") as stored:
            return stored.read()
    except (OSError, ValueError):  # lost from storage: the index says so, the zip goes out
        return None


def build_zip(order):
    """The zip in a temporary file (kept in memory while small), rewound for reading."""
    spool = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115  the response closes it
    taken: set[str] = set()
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(
        [_("Kind"), _("What"), _("Version"), _("Date"), _("Sent to"), _("Confirmed"), _("File")]
    )
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
        for group in order_file(order):
            for entry in group.entries:
                path = ""
                if entry.file:
                    content = _read(entry)
                    name = get_valid_filename(entry.filename or os.path.basename(entry.file.name))
                    if content is None:
                        path = _("(file missing)")
                    else:
                        path = _unique(f"{group.kind}/{name}", taken)
                        archive.writestr(path, content)
                writer.writerow(
                    [
                        group.label,
                        entry.title,
                        entry.version,
                        _when(entry.date),
                        entry.sent_to,
                        entry.confirmed,
                        path,
                    ]
                )
        # With a byte order mark, so Excel opens the Chinese names as UTF-8.
        archive.writestr(INDEX, "\ufeff" + index.getvalue())
    spool.seek(0)
    return spool
