"""`make backup` / `make restore`: a backup restored into an empty database has the same
orders, documents and files (SQLite in `make test`, PostgreSQL in `make test-stack`)."""

import sqlite3
from contextlib import closing
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from orders.backups import engine_of
from orders.documents.services import document_send
from orders.models import Order, SentDocument
from orders.outbox.tasks import deliver_outbox
from tests.documents.conftest import factory_hant, order  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4 the version the factory received"


def rows(query_database, sql: str) -> list[tuple]:
    return [tuple(row) for row in query_database(sql)]


@pytest.fixture
def empty_database(tmp_path):
    """(database URL, a function running SQL on it) of a new, empty database."""
    if engine_of(connection.settings_dict) == "sqlite":
        path = tmp_path / "restored.sqlite3"

        def query(sql):
            with closing(sqlite3.connect(path)) as database:
                return database.execute(sql).fetchall()

        yield f"sqlite:///{path}", query
        return
    import psycopg2

    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restored"
    params = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
    }
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')

    def query(sql):
        with closing(psycopg2.connect(dbname=name, **params)) as database, database.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()

    auth = f"{params['user'] or ''}:{params['password'] or ''}@" if params["user"] else ""
    yield f"postgres://{auth}{params['host'] or ''}:{params['port'] or 5432}/{name}", query
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


def test_a_backup_restored_into_an_empty_database_has_the_same_orders_documents_and_files(
    order,  # noqa: F811
    merchandiser,
    tmp_path,
    empty_database,
    capsys,
):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    document.pdf.save("F-ORD-001-v1.pdf", ContentFile(PDF), save=True)
    orders = sorted(Order.objects.values_list("po_number", flat=True))

    call_command("backup", output=str(tmp_path / "backups"))
    archive = capsys.readouterr().out.strip()
    url, query = empty_database
    media = tmp_path / "restored-media"
    call_command("restore", archive, database_url=url, media_root=str(media))

    assert sorted(po for (po,) in query("SELECT po_number FROM orders_order")) == orders
    ((message_id, pdf),) = query("SELECT message_id, pdf FROM orders_sentdocument")
    assert (message_id, pdf) == (document.message_id, document.pdf.name)
    assert (media / pdf).read_bytes() == PDF
    assert SentDocument.objects.count() == 1  # the site's own database is untouched

    with pytest.raises(CommandError, match="not empty"):  # nothing is restored over data
        call_command("restore", archive, database_url=url, media_root=str(media))
    assert Path(archive).name.startswith("gendan-")
