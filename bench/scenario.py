"""The production shape and the data that bench/load.py and bench/profile_pages.py measure against.

Importing this module sets the environment (PostgreSQL from DATABASE_URL, notifications queued on
Redis, page cache and rate limits in Redis, production settings) and starts Django.
"""

import io
import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS_ONLY", "0")  # gunicorn on loopback speaks plain HTTP
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + secrets.token_hex(16))
os.environ.setdefault("CITIZEN_REGISTRY_BACKEND", "memory")
# DJANGO_DEBUG off wants every outside system's secret; the bench reaches none of them.
for _name in ("NATIONAL_PORTAL_API_KEY", "DOCUMENT_AXIS_API_KEY", "PAYMENT_SECRET", "VNEID_CLIENT_SECRET"):
    os.environ.setdefault(_name, "bench-" + secrets.token_hex(8))
os.environ["TRACKING_RATE_LIMIT"] = "100000000"  # the bench measures the page, not the limiter
os.environ.setdefault("SMS_BACKEND", "memory")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("LOG_LEVEL", "ERROR")
# The production shape: notifications, registry checks and national-portal messages queued on Redis
# (no worker needed to measure the request); page cache, sessions and rate limits in Redis.
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from government.models import Agency, Role, StaffRole
from portal.catalog.models import ProcedurePage  # noqa: E402
from procedures.models import Dossier, Procedure
from procedures.services import filing  # noqa: E402


def _png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()


def session_for(user, verified=False):
    """A signed-in session for `user` in the configured session store; its key is the cookie value."""
    from importlib import import_module

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "accounts.backends.PersonalIdBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if not user.is_staff:  # citizens sign in with VNeID in production; level 2 lets them file
        from accounts.assurance import SESSION_LEVEL

        session[SESSION_LEVEL] = 2
    if verified:
        device = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})[0]
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def citizen(tag, n):
    return get_user_model().objects.get_or_create(
        username=f"bench-{tag}-{n}",
        defaults={
            "personal_id": f"0191{tag}{n:06d}",
            "first_name": "Bench",
            "last_name": "Công dân",
            "phone": "0912000000",
        },
    )[0]


# What the birth registration's declaration asks for; "*" picks the first real option of a list.
BIRTH_DECLARATION = {
    "child_name": "Nguyễn Minh Khang",
    "child_sex": "male",
    "child_date_of_birth": "2026-11-20",
    "child_place_of_birth": "Bệnh viện A Thái Nguyên",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "mother_name": "Trần Thị Hoa",
    "mother_year_of_birth": "1996",
    "mother_ethnicity": "Kinh",
    "mother_nationality": "Việt Nam",
    "mother_residence_0": "*",
    "has_father": "no",
    "declarant_relation": "mother",
    "declarant_residence_0": "*",
    "wants_copies": "no",
}


def _first_option(definition, name):
    from eforms.forms import EForm

    key, _, part = name.rpartition("_")
    widget = EForm(definition, {}).top.fields[key].widget
    return next(value for value, _label in widget.widgets[int(part)].choices if value)


def declare(draft, required):
    """Fill `required`'s electronic form as a citizen would, through the service the page calls."""
    from eforms import services as eform_services

    record = eform_services.form_of(draft, required)
    data = dict(record.raw)
    for key, value in BIRTH_DECLARATION.items():
        data[f"ef-{key}"] = _first_option(record.definition, key) if value == "*" else value
    form = eform_services.save(record, data, "ef")
    assert form.is_valid(), form.errors


def draft_for(person, procedure, agency):
    draft, _ = filing.start_online(person, procedure, agency, consent=False)
    filing.update_draft(draft, person, applicant_phone="0912000000")
    for required in procedure.required_documents.all():
        if required.eform:
            declare(draft, required)
        else:
            filing.attach_document(draft, person, required, SimpleUploadedFile("scan.png", PNG))
    return draft


def citizens_with_drafts(count, procedure, agency, tag):
    """`count` citizens, each with one complete draft: [(dossier pk, session key)]."""
    drafts = []
    for n in range(count):
        person = citizen(tag, n)
        drafts.append((draft_for(person, procedure, agency).pk, session_for(person)))
    return drafts


@dataclass
class Scenario:
    procedure: Procedure
    agency: Agency
    page_url: str
    tracked: Dossier
    secret: str
    drafts: list = field(default_factory=list)  # (pk, session) of complete drafts, one per citizen
    busy_citizen: str = ""  # session of a citizen with many dossiers
    busy_citizen_dossiers: int = 0
    officer: str = ""  # verified session of the desk's one-stop officer
    queue_size: int = 0


def prepare(drafts=1500, busy_dossiers=45, queue=300):
    """Migrate, load the reference data and demo accounts, then the bench's own data (a new tag each run)."""
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own.")
    quiet = open(os.devnull, "w")
    call_command("migrate", verbosity=0)
    if not Procedure.objects.exists():
        call_command("load_reference_data", stdout=quiet)
    call_command("seed_demo", stdout=quiet)
    procedure = Procedure.objects.get(name="Đăng ký khai sinh")
    agency = Agency.objects.get(name="Ủy ban nhân dân thị trấn Hương Sơn")
    tag = f"{secrets.randbelow(100):02d}"
    print("preparing drafts, a citizen with many dossiers and an officer's queue…", flush=True)
    pending = citizens_with_drafts(drafts + queue, procedure, agency, tag)
    for pk, _session in pending[drafts:]:  # the officer's queue: submitted, waiting at the desk
        dossier = Dossier.objects.get(pk=pk)
        filing.submit_online(dossier, dossier.applicant)
    tracked = Dossier.objects.get(pk=pending[drafts][0])
    busy = citizen(tag, 999_999)
    for n in range(busy_dossiers):
        dossier = draft_for(busy, procedure, agency)
        if n % 3:
            filing.submit_online(dossier, busy)
    officer = get_user_model().objects.get(username="xa.motcua")
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum keeps them on a live database
        cursor.execute("ANALYZE")
    role = StaffRole.objects.get(user=officer)
    assert role.agency == agency and role.role == Role.ONE_STOP_OFFICER, "seed_demo's commune desk moved"
    from procedures.queues import work_queue

    return Scenario(
        procedure=procedure,
        agency=agency,
        page_url=ProcedurePage.objects.get(procedure=procedure).url,
        tracked=tracked,
        secret=tracked.applicant_personal_id[-4:],
        drafts=pending[:drafts],
        busy_citizen=session_for(busy),
        busy_citizen_dossiers=busy_dossiers,
        officer=session_for(officer, verified=True),
        queue_size=work_queue(officer).count(),
    )


def flush_redis():
    """The queued notifications of fake citizens, the cache and sessions of this run."""
    import redis

    for url in (os.environ["CELERY_BROKER_URL"], os.environ["REDIS_URL"]):
        redis.Redis.from_url(url).flushdb()
