"""orders/ is the ground the other apps stand on: it imports none of them (they register into
its registries), so it can be read, tested and changed without them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS_ON_ORDERS = ("suppliers", "samples", "shipping", "complaints")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def test_orders_imports_none_of_the_apps_built_on_it():
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((ROOT / "orders").rglob("*.py"))
        if "migrations" not in path.parts
        for line, module in imported_modules(path)
        if module.split(".")[0] in APPS_ON_ORDERS
    ]
    assert offending == []


def test_the_walk_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("def f():\n    from shipping.models import Dispatch\n", encoding="utf-8")
    assert imported_modules(source) == [(2, "shipping.models")]
