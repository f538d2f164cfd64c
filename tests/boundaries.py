"""Which systems a package imports, read from its source (decision 0018)."""

import ast
from importlib import import_module
from pathlib import Path

SYSTEMS = (
    "procedures",
    "portal",
    "eforms",
    "payments",
    "national_sync",
    "search",
    "privacy",
    "api",
    "documents",
    "meetings",
)


def foreign_imports(package, allowed=()):
    """'file: module' for each import of another system than `allowed` in `package` (migrations aside)."""
    root = Path(import_module(package).__file__).parent
    forbidden = set(SYSTEMS) - {package, *allowed}
    return {
        f"{path.relative_to(root)}: {module}"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        for module in _imported_modules(path)
        if module.split(".")[0] in forbidden
    }


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
