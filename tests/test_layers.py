"""Imports run one way (pyproject.toml, [tool.importlinter]; docs/decisions/0030): web and API, then
search, then the systems, then the adapters, then `government`. Checked in `make test`."""

import shutil
import subprocess
import sys
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
