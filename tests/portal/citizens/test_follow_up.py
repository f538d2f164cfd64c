import pytest

from procedures import services
from procedures.models import DossierState, SatisfactionRating
from tests.uploads import disguised, pdf

from .helpers import returned, submitted, with_result

pytestmark = pytest.mark.django_db


def test_the_citizen_sees_the_request_supplies_and_the_clock_resumes(citizen_client, world, registry):
    dossier = submitted(world)
    services.receive(dossier, world.xa_motcua)
    services.start_processing(dossier, world.xa_chuyenvien)
    services.request_supplement(dossier, world.xa_chuyenvien, missing_items=["Bản sao giấy chứng sinh rõ nét"])
    page = citizen_client.get(f"/ho-so/{dossier.pk}/")
    assert "Bản sao giấy chứng sinh rõ nét" in page.content.decode()
    assert "sẽ lùi thêm đúng bằng thời gian hồ sơ chờ bổ sung" in page.content.decode()  # issue 35, item 5

    refused = citizen_client.post(f"/ho-so/{dossier.pk}/bo-sung/", {"files": [disguised()]})
    assert refused.status_code == 400 and "không phải tệp PDF" in refused.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUPPLEMENT_REQUESTED

    empty = citizen_client.post(f"/ho-so/{dossier.pk}/bo-sung/", {"comment": "quên tệp"})
    assert empty.status_code == 400 and "Hãy tải lên" in empty.content.decode()

    paused_due = dossier.due_at
    response = citizen_client.post(
        f"/ho-so/{dossier.pk}/bo-sung/", {"files": [pdf("chung-sinh.pdf")], "comment": "Đã chụp lại"}
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == DossierState.PROCESSING and dossier.paused_at is None
    assert dossier.due_at >= paused_due
    supply = dossier.events.get(action="supply")
    assert [f.name for f in supply.files.all()] == ["chung-sinh.pdf"]


def test_withdrawal_needs_a_reason(citizen_client, world, registry):
    dossier = submitted(world)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/rut/", {"reason": ""})
    assert response.status_code == 400
    response = citizen_client.post(f"/ho-so/{dossier.pk}/rut/", {"reason": "Nộp nhầm thủ tục"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN and dossier.decision_note == "Nộp nhầm thủ tục"


def test_the_result_is_downloadable_once_ready(citizen_client, world, registry):
    dossier = with_result(world)
    page = citizen_client.get(f"/ho-so/{dossier.pk}/")
    result = page.context["results"][0]
    download = citizen_client.get(f"/ho-so/{dossier.pk}/ket-qua/{result.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="giay-khai-sinh.pdf"')
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_rating_after_return_once(citizen_client, world, registry):
    dossier = returned(world)
    assert citizen_client.post(f"/ho-so/{dossier.pk}/danh-gia/", {"score": "9"}).status_code == 400
    response = citizen_client.post(f"/ho-so/{dossier.pk}/danh-gia/", {"score": "5", "comment": "Nhanh, chu đáo"})
    assert response.status_code == 302
    assert SatisfactionRating.objects.get(dossier=dossier).score == 5
    again = citizen_client.post(f"/ho-so/{dossier.pk}/danh-gia/", {"score": "1"})
    assert again.status_code == 400 and "đã đánh giá" in again.content.decode()


def test_no_rating_before_the_result_is_returned(citizen_client, world, registry):
    dossier = with_result(world)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/danh-gia/", {"score": "4"})
    assert response.status_code == 400
    assert not SatisfactionRating.objects.exists()
