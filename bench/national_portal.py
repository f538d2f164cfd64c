"""What synchronisation with the national portal costs (national_sync/), on a throwaway SQLite database.

    .venv/bin/python bench/national_portal.py [--dossiers 300] [--messages 2000]

Prints:
- a submission without the outbox, with the outbox message written (delivery left to the worker, as
  in production), and with the delivery to the fake portal over HTTP right after commit (the embedded
  default, eager Celery): medians and the ratios to the first, measured in one run;
- messages delivered per second by `deliver_due` to the fake portal over loopback HTTP.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-national-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["SMS_BACKEND"] = "memory"  # no SMS printed per dossier

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from national_portal_adapter.fake_server import FakeNationalPortal  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=300)
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from national_sync import services
    from national_sync.models import OutboxMessage
    from procedures import services as lifecycle
    from tests.conftest import world
    from tests.factories import local

    w = world.__wrapped__(None)
    portal = FakeNationalPortal().start()
    settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, "URL": portal.url}

    def submit_one():
        draft = lifecycle.create_draft(
            w.simple, w.commune_agency, w.citizen, at=local(2026, 11, 20, 20, 0), applicant_phone="0912345678"
        )
        started = time.perf_counter()
        lifecycle.submit(draft, w.citizen, at=local(2026, 11, 20, 20, 5))
        return time.perf_counter() - started

    variants = {
        "no outbox": ({"ENABLED": False}, True),
        "outbox written, sent by a worker later": ({"ENABLED": True}, True),
        "outbox, sent over HTTP after commit": ({"ENABLED": True}, False),
    }
    times = {name: [] for name in variants}
    for _round in range(args.dossiers):
        for name, (config, deferred) in variants.items():  # interleaved: the machine's drift hits all alike
            settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, **config}
            with mock.patch.object(services, "_schedule", lambda pk: None) if deferred else _nothing():
                times[name].append(submit_one())
    base = _median(times["no outbox"])
    print(f"Submission, median of {args.dossiers} each (SQLite, one process):")
    for name, values in times.items():
        print(f"  {name:42s} {_median(values) * 1000:7.2f} ms   ratio {(_median(values) / base):.2f}")

    OutboxMessage.objects.all().delete()
    settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, "ENABLED": True}
    with mock.patch.object(services, "_schedule", lambda pk: None):
        while OutboxMessage.objects.count() < args.messages:
            submit_one()
    started = time.perf_counter()
    sent, dossiers = services.deliver_due()
    elapsed = time.perf_counter() - started
    print(
        f"Delivery: {sent} messages of {dossiers} dossiers in {elapsed:.2f} s = {sent / elapsed:.0f} messages/s "
        f"to the fake portal over loopback HTTP (one worker)"
    )
    portal.stop()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _median(values):
    values = sorted(values)
    return values[len(values) // 2]


if __name__ == "__main__":
    main()
