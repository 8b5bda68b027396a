"""Every page at 1,000 orders and at N, on PostgreSQL: what grows with the orders kept.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gendan_scale \\
        .venv/bin/python bench/scale.py [--orders 100000] [--reps 5] [--reset] [--only home ...]

Builds (once) a realistic data set (bench/scale_data.py: customers, factories, teams and users
as in the demo, grown to a trading house; 3 lines per order, a plan of 15 milestones, about 10
timeline events, samples, inspections, payments, complaints in realistic shares, about 75% of
the orders settled or cancelled) with COPY. The data sets of 1,000 and of N orders live side by
side in the database named by DATABASE_URL, in the schemas scale_1000 and scale_<N>, and are
reused by later runs (their dates moved on to today). A database that holds anything else is
refused unless --reset, which empties it first. Without DATABASE_URL, or with a SQLite one, the
data sets are SQLite files under var/bench/, for at most 10,000 orders.

Each size is measured in a process of its own (bench/scale_measure.py): every page as its
user, median of --reps; for each list the hand-written SQL that returns the rows it shows
(bench/scale_pages.py); the daily job (re-projection and digests, rolled back after each run).
The table gives per page: queries, time at 1k and at N, growth, page/SQL (the page's database
time — its queries other than the session's and the login's — over the hand-written SQL's), the
peak memory at N, and the wall-clock time at N. Times are CPU time, the web process's plus its
PostgreSQL backend's, so that other work on a shared machine does not move them; a run is
repeatable within a few percent. The last line is exactly

    worst growth 1k→N: X.XXx (page); worst page/SQL: Y.YYx (page)

Aims: growth at most 1.5x, page/SQL at most 2x, no page over 150 MB, and the daily job's time
per open plan at N at most 2x its time per open plan at 1k."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SMALL = 1_000
SQLITE_LIMIT = 10_000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--reset", action="store_true", help="empty the database first")
    parser.add_argument("--only", nargs="*", default=[], help="pages whose name has a word")
    parser.add_argument("--skip-job", action="store_true", help="leave the daily job out")
    parser.add_argument("--job-reps", type=int, help="runs of the daily job (default: --reps)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# ---- the databases -----------------------------------------------------------------------------


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def schema_of(size: int) -> str:
    return f"scale_{size}"


def prepare_postgres(url: str, sizes: list[int], reset: bool) -> dict[int, str]:
    """Refuse (or, with --reset, empty) a database holding anything but the bench's schemas;
    drop a schema of ours that a build left unfinished. Returns each size's DATABASE_URL."""
    import psycopg2

    with psycopg2.connect(url.replace("pgsql://", "postgres://")) as db, db.cursor() as cursor:
        db.autocommit = True
        cursor.execute(
            """SELECT n.nspname, count(c.oid) FROM pg_namespace n
               LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = 'r'
               WHERE n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
               GROUP BY n.nspname"""
        )
        schemas = dict(cursor.fetchall())
        ours = {schema_of(size) for size in sizes}
        foreign = {
            name
            for name, tables in schemas.items()
            if tables and not (name.startswith("scale_") and name[6:].isdigit())
        }
        if foreign and not reset:
            raise SystemExit(
                f"refused: the database holds other data (schemas {', '.join(sorted(foreign))}); "
                "use a database of its own, or --reset to empty it"
            )
        for name in schemas:
            bench_schema = name.startswith("scale_") and name[6:].isdigit()
            if reset and (name in foreign or bench_schema):
                cursor.execute(f'DROP SCHEMA "{name}" CASCADE')
        if reset:
            cursor.execute("CREATE SCHEMA IF NOT EXISTS public")
        for name in ours:
            if not reset and name in schemas and not _finished(cursor, name):
                cursor.execute(f'DROP SCHEMA "{name}" CASCADE')
            cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
    separator = "&" if "?" in url else "?"
    return {
        size: f"{url}{separator}options={quote(f'-c search_path={schema_of(size)}')}"
        for size in sizes
    }


def _finished(cursor, schema: str) -> bool:
    """The schema holds a data set the bench finished building, of the current shape."""
    from bench.scale_build import MARKER, VERSION

    cursor.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = %s",
        [schema, MARKER],
    )
    if cursor.fetchone() is None:
        return False
    cursor.execute(f'SELECT version FROM "{schema}".{MARKER}')
    row = cursor.fetchone()
    return row is not None and row[0] == VERSION


def prepare_sqlite(url: str, sizes: list[int], reset: bool) -> dict[int, str]:
    if max(sizes) > SQLITE_LIMIT:
        raise SystemExit(
            f"refused: SQLite holds at most {SQLITE_LIMIT:,} orders here; set DATABASE_URL to "
            "a PostgreSQL database of its own"
        )
    if url:
        base = Path(url.split("sqlite:///", 1)[1])
        paths = {size: base.with_name(f"{base.stem}_{size}{base.suffix}") for size in sizes}
        paths[max(sizes)] = base
    else:
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        paths = {size: folder / f"scale_{size}.sqlite3" for size in sizes}
    for path in paths.values():
        if path.exists() and (reset or not _sqlite_marked(path)):
            if not reset and _sqlite_holds_orders(path):
                raise SystemExit(f"refused: {path} holds other data; use --reset to empty it")
            path.unlink()
    return {size: f"sqlite:///{path}" for size, path in paths.items()}


def _sqlite_marked(path: Path) -> bool:
    import sqlite3

    with sqlite3.connect(path) as db:
        return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'bench_scale'").fetchone())


def _sqlite_holds_orders(path: Path) -> bool:
    import sqlite3

    with sqlite3.connect(path) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'orders_order'").fetchone():
            return False
        return bool(db.execute("SELECT 1 FROM orders_order LIMIT 1").fetchone())


# ---- one size, in its own process ------------------------------------------------------------


def child(args) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    for name, value in {
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "LOG_LEVEL": "WARNING",
        # One connection for the whole run: its backend's CPU time is part of each page's.
        "DATABASE_CONN_MAX_AGE": "3600",
    }.items():
        os.environ[name] = value
    import django

    django.setup()
    from bench.scale_build import prepare
    from bench.scale_measure import measure

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    today = prepare(args.child, log)
    job_reps = args.job_reps or args.reps
    result = measure(args.child, today, args.reps, args.only, args.skip_job, log, job_reps)
    Path(args.output).write_text(json.dumps(result))


def run_size(size: int, url: str, args) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        output = handle.name
    command = [sys.executable, __file__, "--child", str(size), "--output", output]
    command += ["--reps", str(args.reps)]
    if args.only:
        command += ["--only", *args.only]
    if args.skip_job:
        command.append("--skip-job")
    if args.job_reps:
        command += ["--job-reps", str(args.job_reps)]
    subprocess.run(command, env={**os.environ, "DATABASE_URL": url}, check=True)
    result = json.loads(Path(output).read_text())
    os.unlink(output)
    return result


# ---- the table -------------------------------------------------------------------------------


def report(small: dict, large: dict) -> list[str]:
    n = large["size"]
    lines = [
        f"{'page':28} {'queries':>9} {'1k ms':>8} {f'{n // 1000}k ms':>9} {'growth':>7}"
        f" {'page/SQL':>8} {'peak MB':>8} {'wall ms':>8}"
    ]
    before = {page["name"]: page for page in small["pages"]}
    worst_growth, worst_ratio = (0.0, "-"), (0.0, "-")
    for page in large["pages"]:
        first = before[page["name"]]
        growth = page["time"] / first["time"]
        worst_growth = max(worst_growth, (growth, page["name"]))
        ratio = page["database"] / page["sql"] if page["sql"] else None
        if ratio is not None:
            worst_ratio = max(worst_ratio, (ratio, page["name"]))
        queries = f"{first['queries']}→{page['queries']}"
        lines.append(
            f"{page['name']:28} {queries:>9} {first['time'] * 1000:8.1f} {page['time'] * 1000:9.1f}"
            f" {growth:6.2f}x {f'{ratio:.2f}x' if ratio else '-':>8} {page['memory']:8.1f}"
            f" {page['wall'] * 1000:8.1f}"
        )
    job, first_job = large.get("job"), small.get("job")
    if job and first_job:
        per_small = first_job["time"] / max(first_job["open_plans"], 1)
        per_large = job["time"] / max(job["open_plans"], 1)
        queries = f"{first_job['queries']}→{job['queries']}"
        lines.append(
            f"{'daily job':28} {queries:>9} {first_job['time'] * 1000:8.1f}"
            f" {job['time'] * 1000:9.1f} {'':>7} {'-':>8} {job['memory']:8.1f}"
            f" {job['wall'] * 1000:8.1f}"
        )
        lines.append(
            f"daily job: {first_job['open_plans']:,} → {job['open_plans']:,} open plans; "
            f"{per_small * 1000:.2f} → {per_large * 1000:.2f} ms per open plan "
            f"({per_large / per_small:.2f}x, aim ≤ 2x); "
            f"{job['queries'] * 1000 / max(job['open_plans'], 1):.0f} queries per 1,000 open plans"
        )
    lines.append(
        f"worst growth 1k→N: {worst_growth[0]:.2f}x ({worst_growth[1]}); "
        f"worst page/SQL: {worst_ratio[0]:.2f}x ({worst_ratio[1]})"
    )
    return lines


def main() -> None:
    sys.path.insert(0, str(ROOT))
    args = parse_args()
    if args.child:
        child(args)
        return
    sizes = sorted({SMALL, args.orders})
    url = os.environ.get("DATABASE_URL", "")
    if is_postgres(url):
        urls = prepare_postgres(url, sizes, args.reset)
    else:
        urls = prepare_sqlite(url, sizes, args.reset)
    results = {size: run_size(size, urls[size], args) for size in sizes}
    print(f"database: {'PostgreSQL' if is_postgres(url) else 'SQLite'}; reps: {args.reps}")
    for line in report(results[SMALL], results[max(sizes)]):
        print(line)


if __name__ == "__main__":
    main()
