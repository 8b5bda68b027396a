#!/usr/bin/env python
"""Crawl the demo site as every demo user in every language: follow the site's own links from the
home page and report any link that answers 4xx/5xx and any English phrase of ours left on a
Chinese page. Runs against the database `make run` seeded (no server needed).

    .venv/bin/python scripts/crawl_demo.py [--pages 150] [--users merch,qc] [--languages zh-hans]

Exits 1 when it found anything."""

import argparse
import os
import re
import sys
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from orders.views.language import SESSION_LANGUAGE_KEY  # noqa: E402
from tests.english import english_left  # noqa: E402

USERS = [
    "merch",
    "merch2",
    "manager",
    "gm",
    "deputy_gm",
    "admin_clerk",
    "finance",
    "pmc",
    "qc",
    "warehouse",
    "warehouse_head",
]
LANGUAGES = ["en", "zh-hant", "zh-hans"]
# Links that change something, leave the site's pages or only download a file.
SKIP = re.compile(r"^/(admin|accounts/logout|i18n|static|media)/|[?&]export=|\.(pdf|zip|xlsx|csv)$")
LINK = re.compile(r'href="(/[^"#]*)"')
TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)


def crawl(username: str, language: str, limit: int) -> tuple[list, list, int, float]:
    user = get_user_model().objects.get(username=username)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[SESSION_LANGUAGE_KEY] = language  # as the language switcher does
    session.save()
    seen, queue = {"/"}, deque([("/", "start")])
    broken, english, pages, started = [], [], 0, time.perf_counter()
    while queue and pages < limit:
        url, found_on = queue.popleft()
        response = client.get(url)
        pages += 1
        if response.status_code >= 400:
            broken.append((response.status_code, url, found_on))
            continue
        if response.status_code in (301, 302) or "text/html" not in response.get(
            "Content-Type", ""
        ):
            continue
        html = response.content.decode()
        if language != "en":
            for phrase in english_left(TAGS.sub(" ", html)):
                english.append((url, phrase))
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            if link not in seen and not SKIP.search(link):
                seen.add(link)
                queue.append((link, url))
    return broken, english, pages, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="pages per user and language")
    parser.add_argument("--users", default=",".join(USERS))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    options = parser.parse_args()
    problems, total = 0, 0
    for username in options.users.split(","):
        for language in options.languages.split(","):
            broken, english, pages, seconds = crawl(username, language, options.pages)
            total += pages
            print(f"{username:12} {language:8} {pages:4} pages {seconds:6.1f} s "
                  f"{len(broken)} broken, {len(english)} English")  # fmt: skip
            for status, url, found_on in broken:
                print(f"    {status} {url}  (linked from {found_on})")
            for url, phrase in english[:20]:
                print(f"    English on {url}: {phrase!r}")
            problems += len(broken) + len(english)
    print(f"{total} pages, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
