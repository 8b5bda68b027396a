"""R9: one file per order, named by the customer's P/O number. Every app contributes what it
keeps about the order (forms sent and their signed copies, inspection reports, L/G letters,
shipping papers, complaints...) through a source registered in its AppConfig.ready():

    register_file_source(kind="inspections", label=_("Inspection reports"), entries=fn, order=40)

where fn(order) -> list[FileEntry]. orders/ never imports the apps that fill the file."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models.fields.files import FieldFile


@dataclass(frozen=True)
class FileEntry:
    title: str
    date: date | datetime | None
    file: FieldFile | None = None  # the stored file the zip carries, if any
    filename: str = ""  # its name in the zip (default: the stored file's name)
    version: str = ""
    sent_to: str = ""
    confirmed: str = ""
    url: str = ""  # where to open it on the site
    note: str = ""

    @property
    def sort_key(self):
        when = self.date
        if isinstance(when, datetime):
            when = when.date()
        return when or date.min


@dataclass(frozen=True)
class FileSource:
    kind: str  # also the folder in the zip
    label: object
    entries: Callable[..., list[FileEntry]]
    order: int = 100


_sources: dict[str, FileSource] = {}


def register_file_source(*, kind: str, label, entries: Callable, order: int = 100) -> FileSource:
    source = FileSource(kind, label, entries, order)
    _sources[kind] = source
    return source


def file_sources() -> list[FileSource]:
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


@dataclass(frozen=True)
class FileGroup:
    kind: str
    label: str
    entries: list[FileEntry]


def order_file(order, *, kind: str | None = None) -> list[FileGroup]:
    """The order's file, one group per kind (or only `kind`), newest first in each."""
    groups = []
    for source in file_sources():
        if kind and source.kind != kind:
            continue
        entries = sorted(source.entries(order), key=lambda entry: entry.sort_key, reverse=True)
        groups.append(FileGroup(source.kind, str(source.label), entries))
    return groups
