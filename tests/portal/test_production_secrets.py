"""Issue 33, 5: with DJANGO_DEBUG off, the portal refuses to start without each outside system's secret,
or with the fake servers' public demo values — a callback signed with the demo secret can never mark
a dossier paid in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production import OUTSIDE_SECRETS, production_env

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path, **changes):
    env = {**os.environ, **production_env(**changes), "VAR_DIR": str(tmp_path), "DJANGO_HTTPS_ONLY": "0"}
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-m", "portal.serve", "--bind", "127.0.0.1:9", "--ws-bind", ""],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("name", OUTSIDE_SECRETS)
def test_serve_refuses_to_start_without_a_secret_and_names_it(tmp_path, name):
    refused = start(tmp_path, **{name: None})
    assert refused.returncode == 1 and name in refused.stderr
    assert "serving on" not in refused.stdout  # gunicorn never started


@pytest.mark.parametrize(
    "name, demo", [("PAYMENT_SECRET", "fake-payment-secret"), ("VNEID_CLIENT_SECRET", "fake-vneid-secret")]
)
def test_the_fake_servers_demo_secret_is_refused_too(tmp_path, name, demo):
    refused = start(tmp_path, **{name: demo})
    assert refused.returncode == 1 and name in refused.stderr


def test_systems_not_in_use_need_no_secret(tmp_path):
    """The in-process registry and a switched-off national portal are not outside systems."""
    env = {**os.environ, **production_env(CITIZEN_REGISTRY_BACKEND="memory", NATIONAL_PORTAL_ENABLED="0")}
    env.pop("CITIZEN_REGISTRY_API_KEY")
    env.pop("NATIONAL_PORTAL_API_KEY")
    checked = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert checked.returncode == 0, checked.stderr
