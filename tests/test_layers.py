"""Imports run one way (pyproject.toml, [tool.importlinter]; docs/decisions/0030): web and API, then
search, then the systems, then the adapters, then `government`. Checked in `make test`."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(cwd):
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


def test_the_layer_contract_holds():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_import_up_the_layers_breaks_it(tmp_path):
    """The attack: the shared base reaching up into a system. A copy of the sources, so the tree here
    is never touched."""
    for name in ("pyproject.toml",):
        shutil.copy(ROOT / name, tmp_path / name)
    packages = [
        line.strip().strip('",')
        for line in (ROOT / "pyproject.toml").read_text().split("root_packages = [")[1].split("]")[0].split(",")
    ]
    for package in packages:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc", "static", "templates")
        )
    with open(tmp_path / "government" / "calendar.py", "a") as calendar:
        calendar.write("\nfrom procedures.models import Dossier  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "government is not allowed to import procedures" in result.stdout
    assert "government.calendar -> procedures.models" in result.stdout


BEGIN, END = "<!-- layers: generated from pyproject.toml by tests/test_layers.py -->", "<!-- end of layers -->"


def layer_picture(width=64):
    """The layers of the contract as docs/architecture.md draws them, top first."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    lines = ["```"]
    for index, layer in enumerate(layers):
        # " : " joins modules that may import each other (drawn "·"), " | " independent ones ("|").
        parts = re.split(r" ([:|]) ", layer)
        rows, row = [], ""
        for index_, name in enumerate(parts[0::2]):
            joint = " · " if index_ and parts[2 * index_ - 1] == ":" else " | "
            if row and len(row) + len(name) + 3 > width - 4:
                rows.append(row + joint.rstrip())
                row = ""
            row = f"{row}{joint}{name}" if row else name
        rows.append(row)
        lines += [f"┌{'─' * width}┐", *(f"│  {text.ljust(width - 2)}│" for text in rows), f"└{'─' * width}┘"]
        if index < len(layers) - 1:
            lines.append("      ▼ imports only from its own layer and those below")
    lines.append("```")
    return "\n".join([BEGIN, *lines, END])


def test_the_architecture_page_draws_the_contract():
    """docs/architecture.md's picture is the contract's: `python tests/test_layers.py` redraws it."""
    page = (ROOT / "docs" / "architecture.md").read_text()
    drawn = page[page.index(BEGIN) : page.index(END) + len(END)]
    assert drawn == layer_picture(), "run: python tests/test_layers.py"


if __name__ == "__main__":
    path = ROOT / "docs" / "architecture.md"
    page = path.read_text()
    path.write_text(page[: page.index(BEGIN)] + layer_picture() + page[page.index(END) + len(END) :])
