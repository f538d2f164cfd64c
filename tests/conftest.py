import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from citizen_registry_adapter.registry import get_registry
from government.models import AgencyKind, Role, UnitLevel
from sms_adapter.memory import MemorySmsGateway
from tests.factories import AgencyFactory, CitizenFactory, ProcedureFactory, UnitFactory, local, shipped_calendar, staff


@pytest.fixture(scope="session")
def _pki_dir(tmp_path_factory):
    # One demo CA for the whole run: making RSA keys for every test would be slow.
    return tmp_path_factory.mktemp("pki")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, _pki_dir):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SIGNING_DEMO_DIR = _pki_dir
    settings.SIGNING_DEMO_CA = True
    # Tests pin the clock to moments months apart (tests/clock.py) while the run issues each demo
    # certificate once, at whatever moment first needs it: valid from three years before that.
    settings.SIGNING_DEMO_BACKDATE_DAYS = 1100
    # Real hashing costs ~0.3 s a user; the fixtures make a dozen users per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No test reaches a registry server unless it starts one itself (tests/citizen_registry_adapter).
    settings.CITIZEN_REGISTRY = {**settings.CITIZEN_REGISTRY, "BACKEND": "memory"}
    settings.SMS = {**settings.SMS, "BACKEND": "memory"}
    # No test reaches a national portal server unless it starts one itself (tests/national_sync).
    settings.NATIONAL_PORTAL = {
        **settings.NATIONAL_PORTAL,
        "BACKEND": "national_portal_adapter.memory.MemoryNationalPortal",
    }
    from national_portal_adapter.client import get_portal

    get_portal().reset()
    # Nor a document interconnection axis (tests/document_exchange_adapter starts the fake one).
    settings.DOCUMENT_AXIS = {
        **settings.DOCUMENT_AXIS,
        "BACKEND": "document_exchange_adapter.memory.MemoryDocumentAxis",
    }
    from document_exchange_adapter.client import get_axis

    get_axis().reset()
    # Tests read each response's context: no page cache unless a test turns it on.
    settings.ANONYMOUS_PAGE_CACHE_PREFIXES = ()
    MemorySmsGateway.outbox.clear()
    # Rate-limit counters and cached pages live in the process's memory cache: none leaks between tests.
    from django.core.cache import cache, caches

    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def registry():
    """The in-process registry the portal uses in tests; set `.failure` to make it break."""
    registry = get_registry()
    yield registry
    registry.failure = None


@pytest.fixture
def staff_client(world):
    """staff_client("xa_motcua") → a client signed in as that `world` user, second factor passed."""
    from django.test import Client

    from tests.factories import sign_in_verified

    def make(name):
        return sign_in_verified(Client(), getattr(world, name))

    return make


@pytest.fixture
def world(db):
    """A province → district → commune tree with agencies, staff for each role, two citizens,
    a one-step commune procedure and an inter-level procedure (commune 2 days, district 3 days)."""
    shipped_calendar()
    province = UnitFactory(code="91", level=UnitLevel.PROVINCE, short_name="Thử Nghiệm")
    district = UnitFactory(code="911", level=UnitLevel.DISTRICT, short_name="Phú Thử", parent=province)
    commune = UnitFactory(code="91101", level=UnitLevel.COMMUNE, short_name="Tân Thử", parent=district)
    other_commune = UnitFactory(code="91102", level=UnitLevel.COMMUNE, short_name="Hòa Thử", parent=district)
    w = SimpleNamespace(province=province, district=district, commune=commune)
    w.commune_agency = AgencyFactory(unit=commune, electronic_code="000.01.21.H98")
    w.other_commune_agency = AgencyFactory(unit=other_commune, electronic_code="000.02.21.H98")
    w.district_agency = AgencyFactory(unit=district, electronic_code="000.00.21.H98")
    w.justice = AgencyFactory(
        unit=province, kind=AgencyKind.DEPARTMENT, sector="justice", name="Sở Tư pháp", electronic_code="000.00.01.H98"
    )
    for prefix, agency in (("xa", w.commune_agency), ("xa2", w.other_commune_agency), ("huyen", w.district_agency)):
        for suffix, role in (
            ("motcua", Role.ONE_STOP_OFFICER),
            ("chuyenvien", Role.SPECIALIST),
            ("lanhdao", Role.LEADER),
        ):
            setattr(w, f"{prefix}_{suffix}", staff(role, agency, username=f"{prefix}.{suffix}"))
    w.monitor = staff(Role.PROVINCE_MONITOR, username="tinh.giamsat")
    # The two citizens exist in the synthetic population registry under these IDs and names.
    w.citizen = CitizenFactory(username="congdan1", personal_id="019090001234", date_of_birth=dt.date(1990, 5, 12))
    w.other_citizen = CitizenFactory(
        username="congdan2",
        personal_id="019195004321",
        first_name="Bình",
        last_name="Trần Thị",
        date_of_birth=dt.date(1995, 3, 8),
    )
    # Both agreed, when they registered, to hear about their dossiers by SMS and e-mail (accounts.consent).
    from accounts.consent import give_consent
    from accounts.models import Method, Purpose

    for citizen in (w.citizen, w.other_citizen):
        for purpose in (Purpose.SMS, Purpose.EMAIL):
            give_consent(citizen, purpose, method=Method.REGISTRATION)
    w.simple = ProcedureFactory(name="Đăng ký khai sinh", processing_days=Decimal(1))
    w.inter_level = ProcedureFactory(
        name="Cấp giấy chứng nhận lần đầu",
        processing_days=Decimal(5),
        route=[
            (UnitLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, "", 2),
            (UnitLevel.DISTRICT, AgencyKind.PEOPLES_COMMITTEE, "", 3),
        ],
    )
    return w


@pytest.fixture
def verified(world):
    """The `world` with both citizens' identities confirmed (as a VNeID sign-in or the registry does):
    their data stores are theirs to see and use (issue 39)."""
    for citizen in (world.citizen, world.other_citizen):
        citizen.identity_verified_at = local(2026, 1, 1, 8, 0)
        citizen.save(update_fields=["identity_verified_at"])
    return world


@pytest.fixture(params=["three_level", "two_level"])
def tree(request, db):
    """The same cast on either unit tree, for tests that must hold under both models (issue 14).

    three_level: province → district → communes; a commune's committee receives at its own desk and
    the district decides the inter-level procedure. two_level (since 1 July 2025): communes under the
    province, a Public Administration Service Center in each commune and at the province; the commune
    center receives, the commune's committee and then a province department handle it."""
    two = request.param == "two_level"
    shipped_calendar()
    province = UnitFactory(code="91", level=UnitLevel.PROVINCE, short_name="Thử Nghiệm")
    middle = (
        province if two else UnitFactory(code="911", level=UnitLevel.DISTRICT, short_name="Phú Thử", parent=province)
    )
    commune = UnitFactory(code="91101", level=UnitLevel.COMMUNE, short_name="Tân Thử", parent=middle)
    other = UnitFactory(code="91102", level=UnitLevel.COMMUNE, short_name="Hòa Thử", parent=middle)
    t = SimpleNamespace(model=request.param, province=province, commune=commune, other_commune=other)
    t.first = AgencyFactory(unit=commune, electronic_code="000.01.21.H98")
    t.other_first = AgencyFactory(unit=other, electronic_code="000.02.21.H98")
    if two:
        t.second = AgencyFactory(
            unit=province,
            kind=AgencyKind.DEPARTMENT,
            sector="justice",
            name="Sở Tư pháp tỉnh Thử Nghiệm",
            electronic_code="000.00.01.H98",
        )
        center = lambda unit, code: AgencyFactory(  # noqa: E731
            unit=unit,
            kind=AgencyKind.SERVICE_CENTER,
            desk_name="",
            electronic_code=code,
            name=f"Trung tâm Phục vụ hành chính công {unit.name.lower()}",
        )
        t.desk, t.other_desk = center(commune, "002.01.50.H98"), center(other, "002.02.50.H98")
        t.province_center = center(province, "000.00.99.H98")
        second_step = (UnitLevel.PROVINCE, AgencyKind.DEPARTMENT, "justice", 3)
    else:
        t.second = AgencyFactory(unit=middle, electronic_code="000.00.21.H98")
        t.desk, t.other_desk = t.first, t.other_first
        second_step = (UnitLevel.DISTRICT, AgencyKind.PEOPLES_COMMITTEE, "", 3)
    t.desk_officer = staff(Role.ONE_STOP_OFFICER, t.desk, username="quay.motcua")
    t.other_desk_officer = staff(Role.ONE_STOP_OFFICER, t.other_desk, username="quay2.motcua")
    t.first_specialist = staff(Role.SPECIALIST, t.first, username="xa.chuyenvien")
    t.first_leader = staff(Role.LEADER, t.first, username="xa.lanhdao")
    t.other_specialist = staff(Role.SPECIALIST, t.other_first, username="xa2.chuyenvien")
    t.other_leader = staff(Role.LEADER, t.other_first, username="xa2.lanhdao")
    t.second_specialist = staff(Role.SPECIALIST, t.second, username="cap2.chuyenvien")
    t.second_leader = staff(Role.LEADER, t.second, username="cap2.lanhdao")
    t.monitor = staff(Role.PROVINCE_MONITOR, username="tinh.giamsat")
    t.citizen = CitizenFactory(username="congdan1", personal_id="019090001234", date_of_birth=dt.date(1990, 5, 12))
    t.inter_level = ProcedureFactory(
        name="Cấp giấy chứng nhận lần đầu",
        processing_days=Decimal(5),
        route=[(UnitLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, "", 2), second_step],
    )
    t.simple = ProcedureFactory(name="Đăng ký khai sinh", processing_days=Decimal(1), is_non_boundary=two)
    return t


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends, so the next transactional test would
    find none of the rows the data migrations wrote (Wagtail's root page, document types…):
    serialized_rollback reloads them when each such test starts. Ordinary tests run before them on
    every worker (pytest-django's order, kept by `--dist load` in the Makefile)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)")
