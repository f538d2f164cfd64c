"""Officers' working notes never reach the citizen (issue 33, 1): one selector decides what of the log a
citizen may read, and every output that reaches them goes through it. Each output is fetched as the
citizen (or a stranger tracking) would, for a dossier whose log is full of internal notes."""

import io
import json

import pytest
from django.core import mail
from pypdf import PdfReader
from rest_framework.test import APIClient

from procedures import services
from procedures.models import Outcome
from sms_adapter.memory import MemorySmsGateway
from tests.factories import RECEIVED_AT, online

pytestmark = pytest.mark.django_db
INTERNAL = "NB-"  # every internal note below starts with it


@pytest.fixture
def noted(world):
    """Received, a supplement asked with public guidance, then handled with a note at every step."""
    dossier = online(world)
    services.receive(dossier, world.xa_motcua, at=RECEIVED_AT, comment="NB-TIEPNHAN kiểm tra kỹ giấy tờ đất")
    services.start_processing(dossier, world.xa_chuyenvien, at=RECEIVED_AT, comment="NB-XULY ưu tiên")
    services.request_supplement(
        dossier,
        world.xa_chuyenvien,
        missing_items=["Sơ đồ thửa đất"],
        comment="Nộp bản có xác nhận của xã",
        at=RECEIVED_AT,
    )
    services.supply(
        dossier, world.citizen, files=[("so-do.pdf", b"%PDF-1.4 x")], comment="Tôi gửi bổ sung", at=RECEIVED_AT
    )
    services.transfer(dossier, world.xa_chuyenvien, comment="NB-CHUYEN hồ sơ có dấu hiệu tranh chấp", at=RECEIVED_AT)
    services.accept_transfer(dossier, world.huyen_chuyenvien, comment="NB-NHAN đã nhận", at=RECEIVED_AT)
    services.propose(
        dossier,
        world.huyen_chuyenvien,
        outcome=Outcome.RESULT,
        note="NB-TRINH nội bộ: đề nghị lãnh đạo ký",
        at=RECEIVED_AT,
    )
    services.send_back(dossier, world.huyen_lanhdao, comment="NB-TRALAI xem lại diện tích", at=RECEIVED_AT)
    services.propose(
        dossier, world.huyen_chuyenvien, outcome=Outcome.RESULT, note="NB-TRINH lần 2: đã sửa diện tích", at=RECEIVED_AT
    )
    services.approve(
        dossier, world.huyen_lanhdao, comment="NB-DUYET", at=RECEIVED_AT, files=[("kq.pdf", b"%PDF-1.4 kq")]
    )
    services.return_result(dossier, world.xa_motcua, comment="NB-TRAKQ trả tận tay", at=RECEIVED_AT)
    dossier.refresh_from_db()
    assert INTERNAL in dossier.decision_note  # the proposal's note is still on the row
    return dossier


def test_no_output_for_the_citizen_carries_an_internal_note(client, world, noted):
    client.force_login(world.citizen)
    api = APIClient()
    api.force_login(world.citizen)
    outputs = {
        "api detail": api.get(f"/api/v1/me/dossiers/{noted.pk}/").content.decode(),
        "api list": api.get("/api/v1/me/dossiers/").content.decode(),
        "page": client.get(f"/ho-so/{noted.pk}/").content.decode(),
        "my dossiers": client.get("/ho-so/").content.decode(),
        "my data json": client.get("/tai-khoan/du-lieu-cua-toi.json").content.decode(),
        "my data page": client.get("/tai-khoan/du-lieu-cua-toi/").content.decode(),
        "my data pdf": "".join(
            page.extract_text()
            for page in PdfReader(io.BytesIO(client.get("/tai-khoan/du-lieu-cua-toi.pdf").content)).pages
        ),
        "tracking": APIClient().post("/tra-cuu-ho-so/", {"code": noted.code, "secret": "1234"}).content.decode(),
        "tracking api": APIClient()
        .post("/api/v1/tracking/", {"code": noted.code, "secret": "1234"}, format="json")
        .content.decode(),
        "sms": " ".join(text for _phone, text in MemorySmsGateway.outbox),
        "e-mail": " ".join(f"{m.subject} {m.body}" for m in mail.outbox),
    }
    assert noted.code in outputs["api detail"] and noted.code in outputs["tracking"]
    leaked = {name for name, text in outputs.items() if INTERNAL in text}
    assert not leaked, f"internal notes reach the citizen through: {sorted(leaked)}"
    # What the citizen is owed still reaches them: the supplement's guidance and their own words.
    detail = json.loads(outputs["api detail"])
    comments = {event["action"]: event["comment"] for event in detail["events"] if event["comment"]}
    assert comments == {"request_supplement": "Nộp bản có xác nhận của xã", "supply": "Tôi gửi bổ sung"}
    assert detail["decision_note"] == ""
    assert "Nộp bản có xác nhận của xã" in outputs["page"]


def test_a_refusal_reason_is_the_citizens_to_read(world):
    dossier = online(world)
    services.reject(dossier, world.xa_motcua, reason="Không thuộc thẩm quyền", at=RECEIVED_AT)
    api = APIClient()
    api.force_login(world.citizen)
    detail = api.get(f"/api/v1/me/dossiers/{dossier.pk}/").json()
    assert detail["decision_note"] == "Không thuộc thẩm quyền"
    assert [e["comment"] for e in detail["events"] if e["action"] == "reject"] == ["Không thuộc thẩm quyền"]
