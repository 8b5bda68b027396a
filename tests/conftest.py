import os

import pytest

from config.celery import app as celery_app
from orders.roles import Role
from tests.factories import make_team, make_user


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def team(db):
    return make_team("Knitwear")


@pytest.fixture
def merchandiser(team):
    return make_user(Role.MERCHANDISER, team=team)


@pytest.fixture
def department_manager(team):
    return make_user(Role.DEPARTMENT_MANAGER, team=team, is_staff=True)


@pytest.fixture
def administration(db):
    return make_user(Role.ADMINISTRATION, is_staff=True)


@pytest.fixture
def general_manager(db):
    return make_user(Role.GENERAL_MANAGER, is_staff=True)


@pytest.fixture
def finance(db):
    return make_user(Role.FINANCE, is_staff=True)


@pytest.fixture
def qc(db):
    return make_user(Role.QC)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Tasks run eagerly (in the test's process) unless the run has a real broker and worker:
# .ci/run sets GENDAN_CELERY_WORKER=1 for its PostgreSQL + Redis pass.
REAL_WORKER = os.environ.get("GENDAN_CELERY_WORKER") == "1"


@pytest.fixture(autouse=True)
def _celery_mode():
    if REAL_WORKER:
        yield
        return
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
