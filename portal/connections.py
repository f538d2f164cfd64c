"""Every outside system the portal talks to, with a live check, the last failure seen and the
settings in use (secrets masked): what the administrator's “Kết nối” page lists."""

import time
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

import citizen_registry_adapter.registry
import government.storage
import national_portal_adapter.client
import payment_adapter.client
import search.health
import vneid_adapter.health

SECRET_WORDS = ("SECRET", "KEY", "PASSWORD", "TOKEN")


@dataclass(frozen=True)
class Connection:
    slug: str
    name: str
    check: Callable  # () -> (ok, detail)
    settings_name: str  # the setting (a dict) shown, masked


def _registry():
    return citizen_registry_adapter.registry.get_registry().health()


def _vneid():
    return vneid_adapter.health.health()


def _national_portal():
    return national_portal_adapter.client.get_portal().health()


def _payment():
    return payment_adapter.client.get_gateway().health()


def _search():
    return search.health.health()


def _files():
    """Uploaded and issued files: the object storage's bucket answers, or the local folder is writable."""

    return True, government.storage.check_storage()  # a failure raises: check() reports it


CONNECTIONS = [
    Connection("dan-cu", _("CSDL quốc gia về dân cư"), _registry, "CITIZEN_REGISTRY"),
    Connection("vneid", _("Định danh điện tử VNeID"), _vneid, "VNEID"),
    Connection("cong-dvc", _("Cổng Dịch vụ công quốc gia (đồng bộ trạng thái)"), _national_portal, "NATIONAL_PORTAL"),
    Connection("thanh-toan", _("Nền tảng thanh toán trực tuyến"), _payment, "PAYMENT"),
    Connection("luu-tru", _("Lưu trữ tệp"), _files, "OBJECT_STORAGE"),
    Connection("tim-kiem", _("Tìm kiếm"), _search, "ELASTICSEARCH_URL"),
]


@dataclass(frozen=True)
class State:
    connection: Connection
    ok: bool
    detail: str
    milliseconds: int
    last_failure: tuple | None  # (unix time, detail) of the last failed check
    settings: list


def check_all():
    return [check(connection) for connection in CONNECTIONS]


def check(connection):
    started = time.monotonic()
    try:
        ok, detail = connection.check()
    except Exception as error:  # noqa: BLE001  (a check that breaks is a failed check, not a 500)
        ok, detail = False, f"{type(error).__name__}: {error}"[:300]
    elapsed = int((time.monotonic() - started) * 1000)
    key = f"connection-failure:{connection.slug}"
    if not ok:
        cache.set(key, (time.time(), detail), timeout=None)
    return State(connection, ok, str(detail), elapsed, cache.get(key), masked(connection.settings_name))


def masked(name):
    value = getattr(settings, name, "")
    items = value.items() if isinstance(value, dict) else [(name, value)]
    shown = []
    for key, item in items:
        if any(word in key.upper() for word in SECRET_WORDS) and key.upper() != "ELASTICSEARCH_URL":
            item = _("•••• (đã đặt)") if item else _("(trống)")
        shown.append((key, str(item)))
    return shown
