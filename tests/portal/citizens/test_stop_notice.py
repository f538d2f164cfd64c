"""A stopped dossier: the citizen sees why and downloads the stop notice (Form 05, 2025); nobody else can."""

import io

import pytest
from pypdf import PdfReader

from procedures import services
from procedures.models import StopGround
from sms_adapter.memory import MemorySmsGateway
from tests.factories import received

pytestmark = pytest.mark.django_db


def test_the_citizen_reads_and_downloads_the_stop_notice_and_nobody_else_can(
    citizen_client, client, world, django_capture_on_commit_callbacks
):
    dossier = received(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.stop(
            dossier,
            world.huyen_lanhdao,
            ground=StopGround.APPLICANT_REQUEST,
            reason="Ông An đề nghị dừng để nộp lại theo thủ tục khác.",
        )
    assert any("đã dừng giải quyết hồ sơ" in text for _phone, text in MemorySmsGateway.outbox)
    page = citizen_client.get(f"/ho-so/{dossier.pk}/").content.decode()
    url = f"/ho-so/{dossier.pk}/thong-bao-dung.pdf"
    assert "Dừng giải quyết" in page and "Theo đề nghị của người nộp hồ sơ" in page and url in page
    response = citizen_client.get(url)
    assert response["Content-Disposition"].startswith('attachment; filename="mau-05-dung-giai-quyet-')
    text = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "THÔNG BÁO Về việc dừng giải quyết hồ sơ" in text and world.district_agency.name.upper() in text
    assert "Căn cứ đề nghị dừng giải quyết hồ sơ của Ông/Bà" in text
    client.force_login(world.other_citizen)
    assert client.get(url).status_code == 404
    running = received(world)
    assert citizen_client.get(f"/ho-so/{running.pk}/thong-bao-dung.pdf").status_code == 404  # not stopped


def test_the_competent_leader_stops_from_the_dossier_page_and_a_bad_ground_changes_nothing(staff_client, world):
    dossier = received(world)
    leader = staff_client("huyen_lanhdao")
    url = f"/can-bo/ho-so/{dossier.pk}/thao-tac/stop/"
    assert "stop" in [a.name for a, _f in leader.get(f"/can-bo/ho-so/{dossier.pk}/").context["actions"]]
    assert "stop" not in [
        a.name for a, _f in staff_client("xa_lanhdao").get(f"/can-bo/ho-so/{dossier.pk}/").context["actions"]
    ]
    bad = leader.post(url, {"stop-ground": "because", "stop-reason": "x"})
    assert bad.status_code == 400 and "Hãy chọn một lựa chọn hợp lệ" in bad.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == "received"
    unnamed = leader.post(url, {"stop-ground": "legal_grounds", "stop-reason": "Đất đang tranh chấp."})
    assert unnamed.status_code == 400 and "Hãy ghi căn cứ pháp lý cụ thể" in unnamed.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == "received"
    assert (
        leader.post(
            url,
            {
                "stop-ground": "legal_grounds",
                "stop-reason": "Đất đang tranh chấp.",
                "stop-provision": "Điều 4 Luật Đất đai năm 2024",
            },
        ).status_code
        == 302
    )
    dossier.refresh_from_db()
    assert dossier.state == "stopped"
    assert "Mẫu 05 · Thông báo dừng giải quyết hồ sơ" in leader.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert leader.get(f"/can-bo/ho-so/{dossier.pk}/mau-05.pdf").status_code == 200
