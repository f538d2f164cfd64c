import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from government.calendar import LOCAL_TZ
from government.models import AdministrativeUnit, Agency, AgencyKind, StaffRole, UnitLevel
from procedures import services
from procedures.models import DocumentKind, Field, Procedure, RequiredDocument, RouteStep


def local(*args):
    """An aware datetime in Vietnam's time zone: local(2026, 2, 13, 9, 0)."""
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.LazyAttribute(lambda u: f"{u.unit_type} {u.short_name}")
    short_name = factory.Sequence(lambda n: f"Đơn vị {n}")
    level = UnitLevel.COMMUNE
    unit_type = factory.LazyAttribute(lambda u: {"province": "Tỉnh", "district": "Huyện", "commune": "Xã"}[u.level])
    parent = None


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    unit = factory.SubFactory(UnitFactory)
    kind = AgencyKind.PEOPLES_COMMITTEE
    sector = ""
    name = factory.LazyAttribute(lambda a: f"Ủy ban nhân dân {a.unit.name}")
    electronic_code = factory.Sequence(lambda n: f"000.{n // 100 % 100:02d}.{n % 100:02d}.H98")


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("code",)

    code = "ho-tich"
    name = "Hộ tịch"


class ProcedureFactory(factory.django.DjangoModelFactory):
    """A procedure with a route; pass route=[(level, kind, sector, days), …]."""

    class Meta:
        model = Procedure
        skip_postgeneration_save = True

    national_code = factory.Sequence(lambda n: f"9.{n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục thử nghiệm {n}")
    field = factory.SubFactory(FieldFactory)
    processing_days = Decimal("3")
    result_document = "Giấy chứng nhận"
    legal_basis = "Luật thử nghiệm"
    online_level = "full"

    @factory.post_generation
    def route(self, create, extracted, **kwargs):
        steps = extracted or [(UnitLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, "", self.processing_days)]
        for order, (level, kind, sector, days) in enumerate(steps, start=1):
            RouteStep.objects.create(
                procedure=self,
                order=order,
                level=level,
                agency_kind=kind,
                sector=sector,
                task=f"Bước {order}",
                working_days=Decimal(days),
            )
        RequiredDocument.objects.create(procedure=self, order=1, name="Tờ khai")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "An"
    last_name = "Nguyễn Văn"
    password = factory.django.Password("MotCua@2026")


class CitizenFactory(UserFactory):
    personal_id = factory.Sequence(lambda n: f"019090{n:06d}")


def staff(role, agency=None, username=None):
    user = UserFactory(username=username or f"{role}-{agency.pk if agency else 'all'}", is_staff=True)
    StaffRole.objects.create(user=user, role=role, agency=agency)
    return user


RECEIVED_AT = local(2026, 11, 23, 8, 0)  # a Monday


def shipped_calendar():
    """The calendar decisions the province loads with its reference data (fixtures/calendar/): Tue
    24/11/2026 is a day off there, which many dates in these tests count on."""
    from django.conf import settings

    from procedures.services import reference_data as ref

    ref.load_calendar(ref.read_json(settings.BASE_DIR / "fixtures" / "calendar" / "vietnam.json"))


def online(w, procedure=None, agency=None, citizen=None):
    """A dossier filed online in the `world` fixture (inter-level procedure at the commune by default)."""
    citizen = citizen or w.citizen
    dossier = services.create_draft(
        procedure or w.inter_level,
        agency or w.commune_agency,
        citizen,
        at=local(2026, 11, 20, 20, 0),
        applicant_phone="0912345678",
    )
    return services.submit(dossier, citizen, at=local(2026, 11, 20, 20, 5))


def received(w, **kwargs):
    dossier = online(w, **kwargs)
    return services.receive(dossier, w.xa_motcua, at=RECEIVED_AT)


def at_the_district(w, *, days_ago=30):
    """An inter-level dossier of congdan1 received `days_ago` days ago; the commune's step done at once
    (early), the district holding it since (so overdue at the district for any days_ago over a week)."""
    from django.utils import timezone

    start = timezone.now() - dt.timedelta(days=days_ago)
    dossier = services.create_draft(w.inter_level, w.commune_agency, w.citizen, at=start, applicant_phone="0912345678")
    services.submit(dossier, w.citizen, at=start)
    services.receive(dossier, w.xa_motcua, at=start + dt.timedelta(minutes=5))
    services.start_processing(dossier, w.xa_chuyenvien, at=start + dt.timedelta(hours=1))
    services.transfer(dossier, w.xa_chuyenvien, at=start + dt.timedelta(hours=2))
    return services.accept_transfer(dossier, w.huyen_chuyenvien, at=start + dt.timedelta(hours=3))


def walk_in(procedure, agency, officer, *, at=RECEIVED_AT, scans=(), unscanned_reason="", **fields):
    """A dossier received at the counter: every required document received, with `scans` (uploads)
    held for the first one, the others recorded as not scanned for `unscanned_reason`."""
    import uuid

    from procedures.services import counter

    batch = uuid.uuid4()
    documents = list(procedure.required_documents.all())
    if scans:
        assert not counter.stage_scans(officer, batch, documents[0], scans)
    components = [
        counter.ReceivedComponent(
            required_document=d,
            received=True,
            unscanned_reason="" if scans and i == 0 else unscanned_reason or "paper_kept",
        )
        for i, d in enumerate(documents)
    ]
    fields.setdefault("applicant_name", "Lê Văn Cường")
    fields.setdefault("applicant_personal_id", "019085000111")
    return counter.receive_walk_in(procedure, agency, officer, batch=batch, components=components, at=at, **fields)


def sign_in_verified(client, user):
    """Signed in and past the second factor, as after entering a TOTP code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


class DocumentKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentKind
        django_get_or_create = ("code",)

    code = "giay-khai-sinh"
    name = "Giấy khai sinh, trích lục khai sinh"


def issued_result(w, *, kind=None, citizen=None, at=None):
    """A result of `w.simple` (whose result is a paper of `kind`) generated, signed, numbered in the
    commune's outgoing register and handed over to `citizen` online: it is in their store."""
    from procedures.services import results

    citizen = citizen or w.citizen
    kind = kind or DocumentKindFactory()
    w.simple.result_document_kind = kind
    w.simple.save(update_fields=["result_document_kind"])
    at = at or local(2026, 11, 2, 8, 0)
    dossier = services.create_draft(w.simple, w.commune_agency, citizen, at=at, applicant_phone="0912345678")
    services.submit(dossier, citizen, at=at)
    services.receive(dossier, w.xa_motcua, at=at + dt.timedelta(minutes=30))
    services.start_processing(dossier, w.xa_chuyenvien, at=at + dt.timedelta(hours=1))
    results.propose_result(
        dossier, w.xa_chuyenvien, outcome="result", generate=True, verification_url="http://testserver/x/{}/".format
    )
    results.approve_and_sign(dossier, w.xa_lanhdao, at=at + dt.timedelta(hours=2))
    return services.return_result(dossier, w.xa_motcua, at=at + dt.timedelta(hours=3))


def needing(w, kind, *, name="Giấy tờ chứng minh", **fields):
    """A commune procedure whose second required document accepts papers of `kind`."""
    procedure = ProcedureFactory(name="Trợ cấp xã hội thử nghiệm", **fields)
    document = RequiredDocument.objects.create(procedure=procedure, order=2, name=name)
    document.kinds.add(kind)
    return procedure, document
