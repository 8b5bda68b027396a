import pytest

from orders.choices import Currency
from orders.importing.services import import_upload
from orders.models import DateOrder, OrderImport
from tests.factories import make_customer, make_factory
from tests.importing.sheets import upload


@pytest.fixture
def customer(db):
    return make_customer(name="Bluewater Apparel")


@pytest.fixture
def factory(db):
    return make_factory(name="Dongguan Knit Factory")


@pytest.fixture
def run_import(customer, factory, django_capture_on_commit_callbacks):
    """Upload a file as `user` and run its check (the task runs eagerly); the job comes back."""

    def run(user, content: bytes, name="po.xlsx", *, date_order=DateOrder.DAY_FIRST, **fields):
        fields.setdefault("customer", customer)
        fields.setdefault("default_factory", factory)
        fields.setdefault("merchandiser", user)
        with django_capture_on_commit_callbacks(execute=True):
            job = import_upload(
                user=user,
                upload=upload(content, name),
                currency=Currency.USD,
                date_order=date_order,
                language="en",
                **fields,
            )
        return OrderImport.objects.get(pk=job.pk)

    return run


@pytest.fixture
def confirm(django_capture_on_commit_callbacks):
    """Confirm the preview as `user`; the write task runs eagerly."""
    from orders.importing.services import import_confirm

    def run(job, user):
        with django_capture_on_commit_callbacks(execute=True):
            import_confirm(import_id=job.pk, user=user)
        return OrderImport.objects.get(pk=job.pk)

    return run
