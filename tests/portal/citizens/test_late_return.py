"""Issue 12, defect 6: the citizen sees a late return, the apology letters and who holds the dossier."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from pypdf import PdfReader

from procedures import services
from procedures.models import Outcome
from tests.factories import at_the_district, local

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


@pytest.fixture
def late(world, time_machine):
    """An inter-level dossier of congdan1, late at the district, apologised for after its due time.
    The clock stands on a Monday morning, so that the new date two days on is a working morning."""
    time_machine.move_to(local(2026, 12, 7, 9, 0))
    dossier = at_the_district(world)
    services.issue_apology(
        dossier,
        world.huyen_chuyenvien,
        reason="Chờ ý kiến của cơ quan thuế.",
        new_appointment_at=timezone.now() + dt.timedelta(days=2),
        at=timezone.now() - dt.timedelta(days=1),
    )
    return dossier


def finish(world, dossier):
    services.propose(dossier, world.huyen_chuyenvien, outcome=Outcome.RESULT)
    services.approve(dossier, world.huyen_lanhdao)
    return services.return_result(dossier, world.xa_motcua)


def test_while_open_the_citizen_sees_who_holds_it_and_the_apology(citizen_client, world, late):
    html = citizen_client.get(f"/ho-so/{late.pk}/").content.decode()
    assert "Cơ quan đang giải quyết" in html and world.district_agency.name in html
    assert "Chờ ý kiến của cơ quan thuế." in html and "hẹn trả mới" in html


def test_after_a_late_return_page_list_and_tracking_say_so(citizen_client, client, world, late):
    finish(world, late)
    late.refresh_from_db()
    returned = timezone.localtime(late.returned_at)
    page = citizen_client.get(f"/ho-so/{late.pk}/").content.decode()
    assert "Đã trả kết quả lúc" in page and f"{returned:%H:%M %d/%m/%Y}" in page and "Trễ hạn" in page
    assert "Cơ quan đang giải quyết" not in page and "Hẹn trả kết quả" not in page
    listing = citizen_client.get("/ho-so/").content.decode()
    assert f"Đã trả {returned:%d/%m/%Y}" in listing and "Trễ hạn" in listing

    tracked = client.post("/tra-cuu-ho-so/", {"code": late.code, "secret": "1234"}).content.decode()
    assert "Đã trả kết quả lúc" in tracked and "Trễ hạn" in tracked and "Chờ ý kiến của cơ quan thuế." in tracked
    assert "Tải thư xin lỗi" not in tracked  # the letter names the citizen: not on the public page


def test_the_citizen_downloads_each_apology_letter_and_nobody_else_can(citizen_client, client, world, late):
    apology = late.events.get(action="issue_apology")
    url = f"/ho-so/{late.pk}/thu-xin-loi/{apology.pk}.pdf"
    assert url in citizen_client.get(f"/ho-so/{late.pk}/").content.decode()
    response = citizen_client.get(url)
    assert response["Content-Disposition"].startswith('attachment; filename="mau-04-xin-loi-hen-lai-')
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Chờ ý kiến của cơ quan thuế." in text and "Nguyễn Văn An" in text
    client.force_login(world.other_citizen)
    assert client.get(url).status_code == 404
    receipt = late.events.get(action="receive")
    assert citizen_client.get(f"/ho-so/{late.pk}/thu-xin-loi/{receipt.pk}.pdf").status_code == 404


def test_my_dossiers_puts_what_waits_for_the_citizen_first(citizen_client, world, late):
    from tests.portal.citizens.helpers import submitted

    asked = submitted(world)
    services.request_supplement(asked, world.xa_motcua, missing_items=["Bản sao giấy chứng sinh"])
    rows = list(citizen_client.get("/ho-so/").context["page_obj"])
    assert rows[0] == asked
    assert "Bổ sung hồ sơ" in citizen_client.get("/ho-so/").content.decode()


def test_supplied_files_and_letters_are_the_citizens_own(citizen_client, client, world):
    from procedures.models import DossierEventFile
    from tests.portal.citizens.helpers import submitted
    from tests.uploads import pdf

    asked = submitted(world)
    services.request_supplement(asked, world.xa_motcua, missing_items=["Bản sao giấy chứng sinh"])
    citizen_client.post(f"/ho-so/{asked.pk}/bo-sung/", {"files": [pdf("ban-sao.pdf")]})
    sent = DossierEventFile.objects.get(event__dossier=asked, event__action="supply")
    assert citizen_client.get(f"/ho-so/{asked.pk}/tep-bo-sung/{sent.pk}/").status_code == 200
    client.force_login(world.other_citizen)
    assert client.get(f"/ho-so/{asked.pk}/tep-bo-sung/{sent.pk}/").status_code == 404
    assert citizen_client.get(f"/ho-so/{asked.pk}/tep-bo-sung/{'9' * 18}/").status_code == 404
