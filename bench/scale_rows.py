"""Writing many rows fast: PostgreSQL's COPY, or executemany on SQLite, for bench/scale.py.

A TableRows collects the rows of one model as values keyed by field name; the fields not
given take the model's default (or "" / NULL where the field allows it), so a column another
app adds later does not break the bench."""

import io
import json
from datetime import date, datetime, time
from decimal import Decimal

from django.db import connection, models
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone

REQUIRED = object()


def _default(field):
    if field.default is not NOT_PROVIDED:
        return field.get_default()
    if field.null:
        return None
    if isinstance(field, (models.CharField, models.TextField, models.FileField)):
        return ""
    return REQUIRED


def _copy_text(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (datetime, date)):
        value = value.isoformat()
    elif not isinstance(value, str):
        value = str(value)
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _sqlite_value(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


class TableRows:
    def __init__(self, model):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.defaults = [_default(field) for field in self.fields]
        self.names = [(field.attname, field.name) for field in self.fields]
        self.rows: list[list] = []
        self.next_id = 1

    def add(self, **values) -> int:
        """Queue one row; returns its id (ids are given here, so rows can point at each other
        before anything is written)."""
        if "id" not in values:
            values["id"] = self.next_id
        self.next_id = max(self.next_id, values["id"] + 1)
        row = []
        for (attname, name), default in zip(self.names, self.defaults, strict=True):
            value = values.get(attname, values.get(name, default))
            if value is REQUIRED:
                raise ValueError(f"{self.model.__name__}.{name} needs a value")
            row.append(value)
        self.rows.append(row)
        return values["id"]

    def flush(self) -> int:
        count = len(self.rows)
        if not count:
            return 0
        table = self.model._meta.db_table
        columns = [field.column for field in self.fields]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                text = "\n".join("\t".join(_copy_text(v) for v in row) for row in self.rows)
                quoted = ", ".join(f'"{c}"' for c in columns)
                cursor.cursor.copy_expert(
                    f'COPY "{table}" ({quoted}) FROM STDIN', io.StringIO(text + "\n")
                )
            else:
                marks = ", ".join(["%s"] * len(columns))
                quoted = ", ".join(f'"{c}"' for c in columns)
                cursor.executemany(
                    f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})',
                    [[_sqlite_value(v) for v in row] for row in self.rows],
                )
        self.rows = []
        return count


def reset_sequences(model_list) -> None:
    """After rows were written with their own ids, the next id comes after them."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def moment(day: date, minute: int) -> datetime:
    """A time in office hours on that day (minute: any number, folded into 9:00-18:00)."""
    return timezone.make_aware(datetime.combine(day, time(9 + minute // 60 % 9, minute % 60)))
