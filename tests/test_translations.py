"""The zh-Hant (Hong Kong office) and zh-Hans (mainland factories) catalogues are complete and used.

A catalogue with an untranslated or fuzzy entry, or a msgstr whose placeholders differ from its
msgid, fails here: Django would show English (or a wrong value) to someone who reads Chinese. The
pages and mails are rendered from the compiled .mo files, which are recompiled first when older
than their .po, so plain `pytest` works without `make`."""

import ast
import gettext as gettext_module
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import reloader

from orders.roles import Role
from tests.factories import make_order, make_user

LOCALES = ["zh_Hant", "zh_Hans"]
CATALOGUES = {
    locale: Path(settings.LOCALE_PATHS[0]) / locale / "LC_MESSAGES" / "django.po"
    for locale in LOCALES
}
GETTEXT_TOOLS = ("msgfmt", "msgattrib")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _gettext(*args: str) -> subprocess.CompletedProcess:
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing:
        tools = ", ".join(missing)
        pytest.skip(f"GNU gettext is not installed (no {tools}): apt-get install gettext")
    return subprocess.run(args, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def compiled_messages():
    """Compile a catalogue whose .mo is missing or older than its .po, then drop Django's cached
    translations so the fresh .mo is what the tests read."""
    stale = [
        locale
        for locale, po in CATALOGUES.items()
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        if shutil.which("msgfmt") is None:
            pytest.skip("GNU gettext (msgfmt) is not installed, and the .mo files are out of date")
        call_command("compilemessages", locale=stale, verbosity=0)
        reloader.translation_file_changed(sender=None, file_path=Path("django.mo"))
    yield


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_exists_with_chinese_plural_forms(locale):
    text = CATALOGUES[locale].read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert f'"Language: {locale}\\n"' in text


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_compiles_with_matching_placeholders(locale):
    result = _gettext(
        "msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUES[locale])
    )
    assert result.returncode == 0, result.stderr
    # e.g. "1322 translated messages." -- nothing about fuzzy or untranslated ones.
    assert "fuzzy" not in result.stderr, result.stderr
    assert "untranslated" not in result.stderr, result.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_untranslated_entry(locale):
    result = _gettext("msgattrib", "--untranslated", "--no-obsolete", str(CATALOGUES[locale]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"untranslated entries in {locale}:\n{result.stdout}"


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_fuzzy_entry(locale):
    result = _gettext("msgattrib", "--only-fuzzy", "--no-obsolete", str(CATALOGUES[locale]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"fuzzy entries in {locale}:\n{result.stdout}"


# What each reader must see: the office's words in zh-hant, the factories' words in zh-hans.
PAGES = {
    "zh-hant": {"list": ["訂單", "新訂單", "篩選"], "detail": ["出廠日期", "客期", "時間線"]},
    "zh-hans": {"list": ["订单", "新订单", "筛选"], "detail": ["出厂日期", "交期", "时间线"]},
}


@pytest.mark.django_db
@pytest.mark.usefixtures("compiled_messages")
@pytest.mark.parametrize("language", sorted(PAGES))
def test_order_pages_read_in_the_users_language(client, team, language):
    merchandiser = make_user(Role.MERCHANDISER, team=team, language=language)
    order = make_order(merchandiser=merchandiser)
    client.force_login(merchandiser)

    listing = client.get(reverse("orders:list")).content.decode()
    detail = client.get(reverse("orders:detail", args=[order.pk])).content.decode()

    assert f'<html lang="{language}"' in listing
    for words in PAGES[language]["list"]:
        assert words in listing, f"{words!r} missing from the {language} order list"
    assert "New order" not in listing
    for words in PAGES[language]["detail"]:
        assert words in detail, f"{words!r} missing from the {language} order page"
    assert order.po_number in detail


@pytest.mark.django_db
@pytest.mark.usefixtures("compiled_messages")
@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        ("zh-hant", "等候你批准", "開啟訂單："),
        ("zh-hans", "等候你批准", "打开订单："),
    ],
)
def test_approval_mail_reads_in_the_managers_language(merchandiser, language, subject, body):
    order = make_order(merchandiser=merchandiser)
    manager = make_user(Role.DEPARTMENT_MANAGER, team=merchandiser.profile.team, language=language)
    context = {"order": order, "user": manager, "step": "", "url": "https://example.com/"}
    with translation.override(language):
        rendered_subject = render_to_string("orders/mail/approval_needed_subject.txt", context)
        rendered_body = render_to_string("orders/mail/approval_needed.txt", context)

    assert subject in rendered_subject and order.po_number in rendered_subject
    assert body in rendered_body
    assert "Dear" not in rendered_body and CJK.search(rendered_body)


GETTEXT_FAMILY = {
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
CODE_DIRS = ["config", "orders", "suppliers", "samples", "shipping", "complaints"]


def _marked_strings():
    """(file:line, context, msgid) of every literal passed to a name bound to Django's gettext
    family, whatever alias the module imported it under."""
    root = Path(settings.BASE_DIR)
    for path in sorted(p for folder in CODE_DIRS for p in (root / folder).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.asname or alias.name: alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
            for alias in node.names
            if alias.name in GETTEXT_FAMILY
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in names):
                continue
            args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
            context = (
                args.pop(0) if names[node.func.id].startswith(("pgettext", "npgettext")) else None
            )
            if args and isinstance(args[0], str) and args[0].strip():
                yield f"{path.relative_to(root)}:{node.lineno}", context, args[0]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_marked_in_the_code_is_translated(locale, compiled_messages):
    """makemessages extracts only the names it knows: a string marked through another alias
    (`gettext_lazy as _lazy`) or never extracted stays English on the page."""
    with CATALOGUES[locale].with_suffix(".mo").open("rb") as mo:
        catalogue = gettext_module.GNUTranslations(mo)._catalog
    missing = [
        f"{where} {msgid!r}"
        for where, context, msgid in _marked_strings()
        if not catalogue.get(f"{context}\x04{msgid}" if context else msgid)
        and not catalogue.get((f"{context}\x04{msgid}" if context else msgid, 0))
    ]
    assert not missing, (
        f"{len(missing)} marked strings have no {locale} translation:\n" + "\n".join(missing[:20])
    )
