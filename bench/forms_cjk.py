"""The same PDF form in Traditional Chinese and in English, timed in one run.

    .venv/bin/python bench/forms_cjk.py [--reps 21] [--lines 40] [--fonttools]

Builds two orders in a throw-away in-memory database: one for a Hong Kong factory with Chinese
names, description, address and colours (rendered zh-hant), one for an English-speaking factory
(rendered en). Each language is warmed up once, then rendered --reps times, interleaved.
--fonttools disables HarfBuzz subsetting to show what WeasyPrint costs without it."""

import argparse
import io
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"


def build_orders(lines: int):
    from datetime import date
    from decimal import Decimal

    from django.contrib.auth.models import User

    from orders.choices import Language
    from orders.models import Customer, Order, OrderLine, Team
    from suppliers.models import Factory

    team = Team.objects.create(name="Knitwear")
    user = User.objects.create_user("bench")
    customer = Customer.objects.create(name="Northwind Apparel")
    factories = {
        "zh-hant": Factory.objects.create(
            name="廣州恒昌製衣廠有限公司",
            language=Language.TRADITIONAL_CHINESE,
            email="hc@example.com",
            address="廣東省廣州市番禺區大石街道南浦村工業大道一百二十八號",
        ),
        "en": Factory.objects.create(
            name="Evergreen Garment Manufacturing Ltd.",
            language=Language.ENGLISH,
            email="eg@example.com",
            address="128 Industrial Avenue, Dashi, Panyu District, Guangzhou",
        ),
    }
    colours = {
        "zh-hant": ["藏青色", "漂白", "麻灰", "酒紅", "橄欖綠", "卡其", "天藍", "炭黑"],
        "en": ["Navy", "Optic white", "Heather grey", "Burgundy", "Olive", "Khaki", "Sky", "Coal"],
    }
    descriptions = {"zh-hant": "男裝純棉長袖牛津紡恤衫（洗水）", "en": "Men's cotton oxford shirt"}
    orders = {}
    for language, factory in factories.items():
        order = Order.objects.create(
            customer=customer,
            po_number=f"PO-{language}",
            style_no="ST-2041",
            description=descriptions[language],
            payment_terms="lc",
            order_date=date(2026, 3, 2),
            customer_date=date(2026, 6, 15),
            ex_factory_date=date(2026, 6, 1),
            factory=factory,
            merchandiser=user,
            team=team,
        )
        for n in range(lines):
            sizes = {"S": 100 + n, "M": 200, "L": 150, "XL": 50}
            OrderLine.objects.create(
                order=order,
                colour=f"{colours[language][n % 8]} {n + 1:02d}",
                size_breakdown=sizes,
                quantity=sum(sizes.values()),
                unit_price=Decimal("5.50"),
            )
        orders[language] = order
    return orders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=21)
    parser.add_argument("--lines", type=int, default=40, help="order lines (40 ≈ 2 pages)")
    parser.add_argument("--fonttools", action="store_true", help="subset with fontTools")
    parser.add_argument("--only", choices=["zh-hant", "en"], help="render one language only")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment
    from pypdf import PdfReader

    from orders.documents import fonts
    from orders.documents.registry import get_form
    from orders.documents.render import render_pdf

    if args.fonttools:
        import weasyprint.pdf.fonts

        weasyprint.pdf.fonts.harfbuzz_subset = None
        logging.getLogger("fontTools").setLevel(logging.WARNING)
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    orders = build_orders(args.lines)
    if args.only:
        orders = {args.only: orders[args.only]}
    spec = get_form("F-ORD-001")

    subsetter = "HarfBuzz" if fonts.harfbuzz_subset_available() else "fontTools"
    if args.fonttools:
        subsetter = "fontTools (forced)"
    print(f"F-ORD-001, {args.lines} lines, {args.reps} reps, subsetting with {subsetter}")
    times: dict[str, list[float]] = {language: [] for language in orders}
    pdfs = {language: render_pdf(spec, order, language) for language, order in orders.items()}
    for _rep in range(args.reps):
        for language, order in orders.items():
            start = time.perf_counter()
            pdfs[language] = render_pdf(spec, order, language)
            times[language].append(time.perf_counter() - start)

    print(f"{'lang':8} {'min s':>7} {'median s':>9} {'pages':>6} {'PDF KiB':>8}")
    for language, samples in times.items():
        pages = len(PdfReader(io.BytesIO(pdfs[language])).pages)
        print(
            f"{language:8} {min(samples):7.3f} {statistics.median(samples):9.3f} "
            f"{pages:6d} {len(pdfs[language]) / 1024:8.1f}"
        )
    if len(times) < 2:
        return
    ratio = statistics.median(times["zh-hant"]) / statistics.median(times["en"])
    # The minimum is the run least disturbed by whatever else the machine was doing.
    best = min(times["zh-hant"]) / min(times["en"])
    print(f"ratio zh-hant / en: {ratio:.2f}x median, {best:.2f}x min  (aim: at most 1.5x)")


if __name__ == "__main__":
    main()
