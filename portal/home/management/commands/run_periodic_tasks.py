import logging
import time

from celery.schedules import schedule
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.celery import app

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the Celery beat schedule (settings.CELERY_BEAT_SCHEDULE) in this process, each task when "
        "it is due: `make run` has no broker, so nothing else retries the national portal's messages, "
        "the registry checks, payments and the document axis there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every task once now, then stop")

    def handle(self, *args, once, **options):
        app.loader.import_default_modules()  # the apps' tasks modules (autodiscovery is lazy)
        plan = {
            name: (
                entry["task"],
                entry["schedule"] if hasattr(entry["schedule"], "is_due") else schedule(run_every=entry["schedule"]),
            )
            for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        }
        if once:
            for name, (task, _when) in plan.items():
                self._run(name, task, say_done=True)
            return
        # intervals run at start (the demo's set-up left work for them); a crontab waits for its time
        last = {name: None if type(when) is schedule else timezone.now() for name, (_task, when) in plan.items()}
        while True:
            pause = 60.0
            for name, (task, when) in plan.items():
                due, wait = (True, when.seconds) if last[name] is None else when.is_due(last[name])
                if due:
                    last[name] = timezone.now()
                    self._run(name, task)
                pause = min(pause, wait)
            time.sleep(max(pause, 1))

    def _run(self, name, task, say_done=False):
        result = app.tasks[task].apply()
        if result.failed():
            log.warning("periodic task %s failed: %s", name, result.result)
            self.stderr.write(f"{name}: failed ({result.result})")
        elif say_done:  # the loop stays quiet unless a task fails
            self.stdout.write(f"{name}: done")
