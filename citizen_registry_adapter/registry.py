"""The registry the portal uses, built once from settings.CITIZEN_REGISTRY."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .http_client import HttpRegistry
from .memory import InMemoryRegistry
from .synthetic import population


@cache
def get_registry():
    config = settings.CITIZEN_REGISTRY
    if config["BACKEND"] == "memory":
        return InMemoryRegistry(population().values())

    cert = (config["CLIENT_CERT"], config["CLIENT_KEY"]) if config["CLIENT_KEY"] else config["CLIENT_CERT"] or None
    return HttpRegistry(
        config["URL"],
        api_key=config["API_KEY"],
        client_cert=cert,
        ca_bundle=config["CA_BUNDLE"] or None,
        connect_timeout=config["CONNECT_TIMEOUT"],
        read_timeout=config["READ_TIMEOUT"],
        total_timeout=config["TOTAL_TIMEOUT"],
        retries=config["RETRIES"],
        backoff=config["BACKOFF"],
        breaker_failures=config["BREAKER_FAILURES"],
        breaker_cooldown=config["BREAKER_COOLDOWN"],
        cache_ttl=config["CACHE_TTL"],
    )


@receiver(setting_changed)
def _forget_registry(setting, **kwargs):
    if setting == "CITIZEN_REGISTRY":
        get_registry.cache_clear()
