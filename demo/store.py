"""The citizen's store in the demo (`make run`, issue 39): congdan1 registered a child's birth online a
month ago and holds the birth extract the commune issued, signed, in "Kho dữ liệu của tôi", ready to be
reused without an upload. Every step through the real services, dated then. Safe to run again."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from demo.meetings import sample_pdf
from demo.procedures import demo_agencies
from eforms import services as eform_services
from government.selectors import working_calendar_for
from procedures import services
from procedures.models import Outcome, Procedure, StoredDocument, StoreSource
from procedures.services import filing, results

BIRTH_REGISTRATION = "1.001193"
# Typed as the mother of the child would; the commune of the address is the desk's own.
BIRTH = {
    "child_name": "Nguyễn Minh Khang",
    "child_sex": "male",
    "child_date_of_birth": "",  # filled: a week before the filing
    "child_place_of_birth": "Bệnh viện A Thái Nguyên",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "mother_name": "Trần Thị Hoa",
    "mother_year_of_birth": "1996",
    "mother_ethnicity": "Kinh",
    "mother_nationality": "Việt Nam",
    "has_father": "yes",
    "father_name": "Nguyễn Văn An",
    "father_year_of_birth": "1990",
    "father_ethnicity": "Kinh",
    "father_nationality": "Việt Nam",
    "declarant_relation": "father",
    "declarant_name": "Nguyễn Văn An",
    "declarant_personal_id": "019090001234",
    "wants_copies": "no",
}


def seed_store(*, now=None):
    """Returns how many results were put in a store (0 when the demo already has one)."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=_USERNAMES)}
    citizen = users["congdan1"]
    if StoredDocument.objects.filter(personal_id=citizen.personal_id, source=StoreSource.RESULT).exists():
        return 0
    desk, _handling = demo_agencies()["xa"]
    procedure = Procedure.objects.get(national_code=BIRTH_REGISTRATION)
    calendar = working_calendar_for(desk)
    at = _working_morning(calendar, (now or timezone.now()) - dt.timedelta(days=31))

    def later(hours):
        nonlocal at
        at = calendar.add_working_seconds(at, hours * 3600)
        return at

    # A non-boundary procedure (the 2025 catalogue) is decided where the child's family lives.
    case_unit = desk.unit if procedure.is_non_boundary else None
    draft, _message = filing.start_online(citizen, procedure, desk, consent=False, at=at, case_unit=case_unit)
    commune = desk.unit.code
    values = {
        **BIRTH,
        "child_date_of_birth": (at - dt.timedelta(days=7)).date().isoformat(),
        "mother_residence_0": commune,
        "mother_residence_1": "Tổ dân phố 3",
        "father_residence_0": commune,
        "father_residence_1": "Tổ dân phố 3",
        "declarant_residence_0": commune,
        "declarant_residence_1": "Tổ dân phố 3",
    }
    for required in procedure.required_documents.all():
        if required.eform:
            record = eform_services.form_of(draft, required)
            form = eform_services.save(record, {f"ef-{k}": v for k, v in values.items()}, "ef")
            if not form.is_valid():
                raise ValueError(f"demo birth declaration: {form.errors}")
        else:
            certificate = sample_pdf(
                "Giấy chứng sinh (bản chụp minh họa)",
                [f"Họ tên mẹ: {BIRTH['mother_name']}.", f"Nơi sinh: {BIRTH['child_place_of_birth']}."],
            )
            upload = SimpleUploadedFile("giay-chung-sinh.pdf", certificate, content_type="application/pdf")
            filing.attach_document(draft, citizen, required, upload)
    filing.submit_online(draft, citizen, at=later(0.5))
    services.receive(draft, users["xa.motcua"], at=later(1))
    services.start_processing(draft, users["xa.chuyenvien"], at=later(1))
    results.propose_result(
        draft,
        users["xa.chuyenvien"],
        outcome=Outcome.RESULT,
        generate=True,
        verification_url=lambda token: settings.WAGTAILADMIN_BASE_URL + reverse("citizens:verify_token", args=[token]),
    )
    results.approve_and_sign(draft, users["xa.lanhdao"], at=later(2))
    services.return_result(draft, users["xa.motcua"], at=later(1))
    return StoredDocument.objects.filter(dossier=draft).count()


_USERNAMES = ("congdan1", "xa.motcua", "xa.chuyenvien", "xa.lanhdao")


def _working_morning(calendar, moment):
    """08:00 of the first working day from `moment` (the commune's calendar)."""
    day = moment.astimezone(calendar.tz).date()
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=calendar.tz)
