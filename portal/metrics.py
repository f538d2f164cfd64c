"""Prometheus metrics beyond django-prometheus's request latency by view: transitions by kind, and
the backlogs of notifications (the Celery queue) and of national-portal synchronisation (the outbox).

The transition counter is per process (gunicorn workers each count theirs; set PROMETHEUS_MULTIPROC_DIR
for prometheus_client's multi-process mode). The backlogs are read at each scrape from where they are
kept, so every process reports the same truth.
"""

import redis
from django.conf import settings
from django.db import DatabaseError
from django.db.models.signals import post_save
from prometheus_client import Counter
from prometheus_client.core import REGISTRY, GaugeMetricFamily

from national_sync.selectors import backlog
from procedures.models import DossierEvent

TRANSITIONS = Counter("motcua_dossier_transitions_total", "Dossier lifecycle transitions fired", ["action"])


def _count_transition(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        TRANSITIONS.labels(action=instance.action).inc()


class BacklogCollector:
    def describe(self):
        # Registering asks for the names; without this it would call collect(), i.e. query the database
        # while the apps are still loading.
        yield GaugeMetricFamily("motcua_national_sync_backlog", "", labels=["delivery"])
        yield GaugeMetricFamily("motcua_notification_queue", "")

    def collect(self):
        sync = GaugeMetricFamily(
            "motcua_national_sync_backlog", "Outbox messages not yet delivered", labels=["delivery"]
        )
        try:
            counts = backlog()
        except DatabaseError:
            counts = {"pending": -1, "dead": -1}
        for delivery in ("pending", "dead"):
            sync.add_metric([delivery], counts[delivery] or 0)
        yield sync
        queue = GaugeMetricFamily(
            "motcua_notification_queue",
            "Tasks waiting in the Celery queue (notifications, "
            "deliveries); 0 when tasks run in the request (no broker)",
        )
        queue.add_metric([], _celery_queue_length())
        yield queue


def _celery_queue_length():
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis"):
        return 0

    try:
        return redis.Redis.from_url(url, socket_timeout=1).llen("celery")
    except redis.RedisError:
        return -1


def install():
    post_save.connect(_count_transition, sender=DossierEvent, dispatch_uid="portal.metrics.transitions")
    if not any(isinstance(c, BacklogCollector) for c in list(REGISTRY._collector_to_names)):
        REGISTRY.register(BacklogCollector())
