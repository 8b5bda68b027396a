import os
import socket

import pytest

from config.celery import app as celery_app
from orders.roles import Role
from tests.browser import browser, page  # noqa: F401  (fixtures for @pytest.mark.browser tests)
from tests.factories import make_team, make_user
from tests.mail_sink import SmtpSink
from tests.worker_process import TEST_RETRY_DELAY, start_worker, stop_worker, worker_env


@pytest.fixture(scope="session")
def _shared_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path, _shared_media):
    # A real worker is another process: it must store files where the test reads them.
    settings.MEDIA_ROOT = _shared_media if REAL_WORKER else tmp_path / "media"
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
# .ci/run sets GENDAN_CELERY_WORKER=1 for its PostgreSQL + Redis pass. Even then only the tests
# marked @pytest.mark.worker go through it: the others read their results at once and work on
# uncommitted data that a worker could not see.
REAL_WORKER = os.environ.get("GENDAN_CELERY_WORKER") == "1"


@pytest.fixture(autouse=True)
def _celery_mode(request):
    if REAL_WORKER and request.node.get_closest_marker("worker") is not None:
        celery_app.conf.task_always_eager = False
        yield
        return
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield


# ---- E-mail through a real SMTP server, and a real Celery worker for @pytest.mark.worker ----


@pytest.fixture(scope="session", autouse=True)
def _plain_http():
    """The test client and the live server speak plain http. The production defaults would
    redirect every request to https; the live server's middleware reads them once, at start."""
    from django.test import override_settings

    with override_settings(
        SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False
    ):
        yield


@pytest.fixture(autouse=True)
def _short_retry_delay(settings):
    settings.GENDAN_TASK_RETRY_DELAY = TEST_RETRY_DELAY


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


@pytest.hookimpl(tryfirst=True)  # before pytest-django sorts the tests by database use
def pytest_collection_modifyitems(items):
    """Worker and browser tests need committed data: the worker and the live server read the
    database over their own connections. Every transactional test also gets a serialized rollback,
    because the flush after it would otherwise take the roles (groups and permissions that the
    migrations create) away from the tests that follow."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = (
            kwargs.get("transaction")
            or TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.get_closest_marker("worker")
            or item.get_closest_marker("browser")
        )
        if transactional:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs))


@pytest.fixture(autouse=True)
def _worker_for_marked_tests(request):
    if request.node.get_closest_marker("worker") is None:
        yield
        return
    if REAL_WORKER:
        request.getfixturevalue("celery_worker")
        yield
        return
    # Celery cannot retry an eager task whose errors propagate (it raises Retry instead); a
    # worker's failures do not reach the sender either.
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = True


@pytest.fixture(scope="session")
def _smtp_server():
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture
def smtp_sink(_smtp_server, settings):
    """The SMTP server that the code under test (or the worker) delivers to; empty at the start."""
    _smtp_server.clear()
    # This process delivers here too (eager tasks, or a task a test runs itself); the worker
    # process was started with the same server in its environment.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = _smtp_server.host
    settings.EMAIL_PORT = _smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield _smtp_server
    _smtp_server.clear()


@pytest.fixture(scope="session")
def celery_worker(
    django_db_setup, django_db_blocker, _smtp_server, _shared_media, tmp_path_factory
):
    """A real `celery worker` process on the run's broker and test database (session-wide).

    It depends on django_db_setup, so it starts after the test database exists and is stopped
    before that database is dropped."""
    from django.db import connection

    with django_db_blocker.unblock():
        settings_dict = connection.settings_dict
    if "sqlite" in settings_dict["ENGINE"] or not os.environ.get("DATABASE_URL"):
        pytest.fail("GENDAN_CELERY_WORKER=1 needs a server database in DATABASE_URL (PostgreSQL)")
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.fail("GENDAN_CELERY_WORKER=1 needs a broker in CELERY_BROKER_URL (Redis)")

    name = f"gendan-test-{os.getpid()}@{socket.gethostname()}"
    env = worker_env(settings_dict, _smtp_server, _shared_media)
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    # Tasks left on the broker by an interrupted run would point at rows that no longer exist.
    celery_app.control.purge()
    process = start_worker(name, env, log_path)
    try:
        yield process
    finally:
        stop_worker(process)


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request as a Chinese-reading user leaves its language active in the thread;
    every test starts and ends in the default language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_terminal_summary(terminalreporter):
    from tests.faults.figures import FIGURES

    if FIGURES:
        terminalreporter.section("outbox fault figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "query_plans: explains the listed pages' queries on PostgreSQL (issue 16; skipped on "
        "SQLite)",
    )
