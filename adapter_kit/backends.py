"""How an adapter's backend is picked: its settings dict names a class in BACKEND (a dotted path, or
one of the adapter's short aliases such as "memory"), and the class builds itself from that dict
(`from_settings`). One instance per configuration is kept for the process: its connection pool and
circuit breaker must outlive a request, and a test's override_settings gets a fresh one."""

import json
import threading
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

_built: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


def backend(setting_name: str, aliases: dict[str, str] | None = None) -> Any:
    """The backend configured by settings.<setting_name>, built once per distinct configuration."""
    config = getattr(settings, setting_name)
    name = config["BACKEND"]
    key = (setting_name, json.dumps(config, sort_keys=True, default=str))
    with _lock:
        if key not in _built:
            _built[key] = import_string((aliases or {}).get(name, name)).from_settings(config)
        return _built[key]


def forget() -> None:
    """Drop every built backend (a fake server restarted on a new port, a test's clean slate)."""
    with _lock:
        _built.clear()


@receiver(setting_changed, dispatch_uid="adapter_kit.backends")
def _setting_changed(setting: str, **kwargs: Any) -> None:
    # A test's override_settings gets a fresh backend on the way in and on the way out.
    with _lock:
        for key in [key for key in _built if key[0] == setting]:
            del _built[key]


class InProcess:
    """The in-process double of an outside system: nothing to configure."""

    @classmethod
    def from_settings(cls, config: dict) -> "InProcess":
        return cls()
