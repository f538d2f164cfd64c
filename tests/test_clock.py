"""The suite's clock: one library moves it in tests, the portal never asks a server for the time, and
the shifted-clock run of `.ci/run` really runs at its moment (docs/testing-clock.md)."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts",
    "adapter_kit",
    "api",
    "citizen_registry_adapter",
    "demo",
    "document_exchange_adapter",
    "documents",
    "eforms",
    "government",
    "meetings",
    "national_portal_adapter",
    "national_sync",
    "payment_adapter",
    "payments",
    "portal",
    "privacy",
    "procedures",
    "reporting",
    "search",
    "signing_adapter",
    "sms_adapter",
    "vneid_adapter",
]
# Time read from the database server: its clock is not the one the tests move.
DATABASE_TIME = re.compile(
    r"(?<![\w.])Now\(|TransactionNow|\bdb_default\b|(?<![\w.])now\(\)|"
    r"(?i:current_(?:timestamp|date|time)\b|localtimestamp|statement_timestamp|clock_timestamp)"
)
# Any other way of moving a test's clock than time-machine.
HAND_ROLLED_CLOCK = re.compile(
    r"freezegun|patch\([^)\n]*\b(?:now|today|localdate|localtime|time)\b[\"']|"
    r"setattr\([^)\n]*[\"'](?:now|today|localdate|localtime|time)[\"']"
)


def _sources(folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path, path.read_text(encoding="utf-8")


def test_the_portal_takes_the_time_from_python_never_from_the_database_server():
    found = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}: {match.group(0)}"
        for path, text in _sources(a for a in APPS if (ROOT / a).is_dir())
        for match in DATABASE_TIME.finditer(text)
    ]
    assert not found, "the shifted-clock run moves Python's clock, not the database server's:\n" + "\n".join(found)


def test_tests_move_the_clock_with_time_machine_only():
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path, text in _sources(["tests"])
        if path.name != "test_clock.py"
        for match in HAND_ROLLED_CLOCK.finditer(text)
    ]
    assert not found, "use the time_machine fixture (tests/clock.py has the hard moments):\n" + "\n".join(found)


@pytest.mark.skipif(
    not os.environ.get("MOTCUA_SHIFTED_CLOCK"),
    reason="checks the run under .ci/shifted-clock (make test CLOCK=…); this one reads the real clock",
)
def test_the_shifted_run_reads_the_moment_it_was_given():
    moment = dt.datetime.fromisoformat(os.environ["MOTCUA_SHIFTED_CLOCK"])
    # The suite takes minutes from that moment; hours would mean the shift did not reach Python.
    assert moment <= timezone.now() < moment + dt.timedelta(hours=3)
