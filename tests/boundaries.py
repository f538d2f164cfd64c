"""Which systems a package imports, read from its source (decision 0018)."""

import ast
from importlib import import_module
from pathlib import Path


def _parse(source):
    """ast.parse, once more if CPython 3.11's AST recursion counter, shared between threads, was
    disturbed by another thread parsing at the same moment (gh-106905; a traceback printed in a fake
    server's thread is enough)."""
    try:
        return ast.parse(source)
    except SystemError:
        return ast.parse(source)


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
    for node in ast.walk(_parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
