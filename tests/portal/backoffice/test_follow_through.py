"""Issue 12: what the desk, the specialists and the leaders meet after intake, each tried by request."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from procedures import services
from procedures.models import Dossier, DossierEvent
from tests.factories import ProcedureFactory, at_the_district, local
from tests.uploads import disguised, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_wednesday_morning(time_machine):
    """Dossiers here are dated back from now, and an apology's date five days on must be a working
    morning: the clock stands on a Wednesday at 09:00 (a Monday five days on)."""
    time_machine.move_to(local(2026, 12, 9, 9, 0))


def filed(world, procedure, *, days_ago, citizen=None):
    """A dossier filed online and received at the commune desk `days_ago` days before now."""
    start = timezone.now() - dt.timedelta(days=days_ago)
    citizen = citizen or world.citizen
    dossier = services.create_draft(procedure, world.commune_agency, citizen, at=start, applicant_phone="0912345678")
    services.submit(dossier, citizen, at=start)
    return services.receive(dossier, world.xa_motcua, at=start + dt.timedelta(minutes=5))


def rows(response):
    return [dossier.code for dossier, _badge in response.context["rows"]]


def test_the_desk_finds_overdue_and_due_soon_dossiers_wherever_they_are(staff_client, world):
    late = at_the_district(world)
    # One working day, received two hours ago: due inside the one-day warning window.
    soon = filed(world, world.simple, days_ago=2 / 24)
    calm = filed(world, ProcedureFactory(name="Cấp phép xây dựng", processing_days=Decimal(20)), days_ago=0)
    desk = staff_client("xa_motcua")
    assert rows(desk.get("/can-bo/")) == []  # nothing to receive or return: the default queue is empty
    assert rows(desk.get("/can-bo/", {"due": "overdue"})) == [late.code]
    assert rows(desk.get("/can-bo/", {"due": "soon"})) == [soon.code]
    assert calm.code not in rows(desk.get("/can-bo/", {"due": "soon"}))
    assert rows(staff_client("huyen_chuyenvien").get("/can-bo/", {"due": "overdue"})) == [late.code]
    assert desk.get("/can-bo/", {"due": "whenever", "size": "9" * 5000}).status_code == 400


def test_an_overdue_dossier_shows_calendar_and_working_time_and_offers_the_apology(staff_client, world):
    """Decree 118/2025: the agency responsible for the delay (the district, holding the dossier)
    apologises and extends, not the commune desk that received it."""
    late = at_the_district(world)
    receiving_desk = staff_client("xa_motcua").get(f"/can-bo/ho-so/{late.pk}/")
    assert "issue_apology" not in [action.name for action, _form in receiving_desk.context["actions"]]
    refused = staff_client("xa_motcua").post(
        f"/can-bo/ho-so/{late.pk}/thao-tac/issue_apology/",
        {
            "issue_apology-new_appointment_at": (timezone.localtime() + dt.timedelta(days=5)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "issue_apology-reason": "Không phải lỗi của xã.",
        },
    )
    assert refused.status_code == 400 and not late.events.filter(action="issue_apology").exists()
    desk = staff_client("huyen_chuyenvien")
    page = desk.get(f"/can-bo/ho-so/{late.pk}/")
    html = page.content.decode()
    assert page.context["deadline"].kind == "overdue"
    assert "Quá hạn" in html and "làm việc)" in html and "0 phút" not in html
    assert "issue_apology" in [action.name for action, _form in page.context["actions"]]

    new_date = timezone.localtime() + dt.timedelta(days=5)
    response = desk.post(
        f"/can-bo/ho-so/{late.pk}/thao-tac/issue_apology/",
        {
            "issue_apology-new_appointment_at": new_date.strftime("%Y-%m-%dT%H:%M"),
            "issue_apology-reason": "Chờ ý kiến của cơ quan thuế.",
        },
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert timezone.localtime(late.appointment_at).strftime("%Y-%m-%d %H:%M") == new_date.strftime("%Y-%m-%d %H:%M")
    assert late.due_at < timezone.now()  # the SLA due time stays: still late
    log = desk.get(f"/can-bo/ho-so/{late.pk}/").content.decode()
    assert f"Hẹn trả mới: {new_date:%H:%M %d/%m/%Y}" in log
    assert "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" in log  # form 04 (2025) printable, by name


def test_the_apology_is_not_the_first_action_on_a_dossier_with_weeks_left(staff_client, world):
    calm = filed(world, ProcedureFactory(name="Cấp phép xây dựng", processing_days=Decimal(20)), days_ago=0)
    page = staff_client("xa_motcua").get(f"/can-bo/ho-so/{calm.pk}/")
    assert "issue_apology" not in [action.name for action, _form in page.context["actions"]]
    assert "được đề xuất khi hồ sơ còn dưới 1 ngày làm việc" in page.content.decode()


def test_actions_and_menu_entries_are_shown_only_to_roles_that_may_use_them(staff_client, world):
    specialist = staff_client("xa_chuyenvien")
    queue = specialist.get("/can-bo/").content.decode()
    assert "Tiếp nhận tại quầy" not in queue and "Theo dõi, đánh giá" not in queue and "Tìm hồ sơ" in queue
    refused = specialist.get("/can-bo/tiep-nhan/")
    html = refused.content.decode()
    assert refused.status_code == 403
    assert "Chỉ cán bộ một cửa tiếp nhận hồ sơ tại quầy" in html
    assert 'class="subnav"' in html and "Hồ sơ cần xử lý" in html  # the menu stays, with what they can do
    assert "Tiếp nhận tại quầy" in staff_client("xa_motcua").get("/can-bo/").content.decode()
    assert "Theo dõi, đánh giá" in staff_client("monitor").get("/can-bo/").content.decode()


def test_forms_open_in_a_new_tab_under_their_name(staff_client, world):
    dossier = filed(world, world.simple, days_ago=0)
    desk = staff_client("xa_motcua")
    html = desk.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "Mẫu 01 · Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in html
    assert f'href="/can-bo/ho-so/{dossier.pk}/mau-01.pdf" target="_blank" rel="noopener"' in html
    response = desk.get(f"/can-bo/ho-so/{dossier.pk}/mau-01.pdf")
    assert response["Content-Disposition"] == f'inline; filename="mau-01-giay-tiep-nhan-{dossier.code}.pdf"'


def test_transfer_names_the_destination_and_takes_attachments(staff_client, world):
    dossier = filed(world, world.inter_level, days_ago=0)
    services.start_processing(dossier, world.xa_chuyenvien)
    specialist = staff_client("xa_chuyenvien")
    page = specialist.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    district = world.district_agency.name
    assert f"Hồ sơ sẽ được chuyển đến <strong>{district}</strong>" in page
    url = f"/can-bo/ho-so/{dossier.pk}/thao-tac/transfer/"
    forged = specialist.post(url, {"transfer-comment": "Kèm tờ trình", "transfer-files": [disguised()]})
    assert forged.status_code == 400 and Dossier.objects.get(pk=dossier.pk).state == "processing"
    assert (
        specialist.post(url, {"transfer-comment": "Kèm tờ trình", "transfer-files": [pdf("to-trinh.pdf")]}).status_code
        == 302
    )
    event = DossierEvent.objects.get(dossier=dossier, action="transfer")
    assert [f.name for f in event.files.all()] == ["to-trinh.pdf"] and event.data["to_agency_name"] == district
    assert (
        f"Chuyển đến: {district}"
        in staff_client("huyen_chuyenvien").get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    )


def test_missing_contact_details_read_as_such(staff_client, world):
    dossier = filed(world, world.simple, days_ago=0)
    Dossier.objects.filter(pk=dossier.pk).update(applicant_phone="", applicant_email="", applicant_address="")
    html = staff_client("xa_motcua").get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "— · —" not in html and "Chưa có thông tin liên hệ" in html
