"""A citizen fills the criminal record request form online: prefilled with consent, mistakes keep
everything typed, the declaration PDF is generated at submission, frozen, and signed at receipt."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from eforms.models import DossierForm
from government.signing import check_pdf
from procedures import services
from tests.portal.citizens.test_filing import CONTACT, start

pytestmark = pytest.mark.django_db


def answers(document, **changes):
    p = f"ef{document.pk}"
    data = {
        f"{p}-certificate": "no1",
        f"{p}-request_case": "self",
        f"{p}-full_name": "Nguyễn Văn An",
        f"{p}-sex": "male",
        f"{p}-date_of_birth": "1990-05-12",
        f"{p}-place_of_birth": "Thái Nguyên",
        f"{p}-nationality": "Việt Nam",
        f"{p}-ethnicity": "Kinh",
        f"{p}-personal_id": "019090001234",
        f"{p}-permanent_residence_0": "91101",
        f"{p}-permanent_residence_1": "Tổ 5",
        f"{p}-phone": "0912345678",
        f"{p}-email": "an@example.vn",
        f"{p}-father_name": "Nguyễn Văn Bố",
        f"{p}-mother_name": "Trần Thị Mẹ",
        f"{p}-residences-rows": "1",
        f"{p}-residences-0-from_month": "3",
        f"{p}-residences-0-from_year": "2004",
        f"{p}-residences-0-to_month": "11",
        f"{p}-residences-0-to_year": "2026",
        f"{p}-residences-0-place": "Phú Bình, Thái Nguyên",
        f"{p}-residences-0-occupation": "Kỹ sư",
        f"{p}-has_record": "no",
        f"{p}-copies": "1",
        f"{p}-purpose": "Bổ sung hồ sơ xin việc",
        f"{p}-ban_confirmation": "no",
    }
    data.update({f"{p}-{key}": value for key, value in changes.items()})
    return {**CONTACT, **data}


def test_prefilled_then_a_mistake_keeps_everything_then_submitted_frozen_and_signed(
    citizen_client, world, registry, record_form, django_capture_on_commit_callbacks
):
    dossier, _response = start(citizen_client, world)
    draft_url = f"/ho-so/{dossier.pk}/soan/"
    html = citizen_client.get(draft_url).content.decode()
    p = f"ef{record_form.pk}"
    assert f'name="{p}-full_name"' in html and 'value="Nguyễn Văn An"' in html  # from the registry, with consent
    assert 'value="1990-05-12"' in html and "Mẫu số 03/2024/TT-LLTP" in html and "Thông tư 06/2024/TT-BTP" in html
    assert "errorlist" not in html  # nothing reported before the citizen has worked on it

    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    wrong = answers(record_form, date_of_birth=future, purpose="", has_record="yes")
    response = citizen_client.post(draft_url, {**wrong, "review": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ngày này không được sau hôm nay" in html and "Nếu có: bản án" in html  # the condition now applies
    assert 'value="Bổ sung hồ sơ xin việc"' not in html and 'value="Phú Bình, Thái Nguyên"' in html  # kept
    record = DossierForm.objects.get(dossier=dossier)
    assert record.raw["ef-date_of_birth"] == future and record.values is None

    response = citizen_client.post(draft_url, {**answers(record_form), "eform-add": f"{record_form.pk}:residences"})
    assert response.status_code == 302 and response["Location"].endswith(f"#eform-{record_form.pk}")
    record.refresh_from_db()
    assert record.raw["ef-residences-rows"] == "2" and record.raw["ef-residences-0-place"] == "Phú Bình, Thái Nguyên"

    response = citizen_client.post(draft_url, {**answers(record_form), "review": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    review = citizen_client.get(response["Location"])
    assert "Bổ sung hồ sơ xin việc" in review.content.decode() and "Xã Tân Thử" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the worker draws the declaration after the commit
        assert citizen_client.post(response["Location"]).status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == "submitted"
    record.refresh_from_db()
    assert record.submitted_at is not None and record.values["residences"] == [
        {
            "from_month": "3",
            "from_year": 2004,
            "to_month": "11",
            "to_year": 2026,
            "place": "Phú Bình, Thái Nguyên",
            "occupation": "Kỹ sư",
        }
    ]
    document = dossier.documents.get(required_document=record_form)
    text = " ".join(PdfReader(io.BytesIO(document.file.read())).pages[0].extract_text().split())
    for expected in (
        "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
        "Mẫu số 03/2024/TT-LLTP",
        "Nguyễn Văn An",
        "Bổ sung hồ sơ xin việc",
        "Có án tích không? Không",
        f"Kính gửi: {world.commune_agency.name}",
    ):
        assert expected in text, expected
    from tests.procedures.test_pdf_forms import fonts_not_embedded

    assert fonts_not_embedded(document.file.open("rb").read()) == set()

    # The form changes after submission: the filed dossier keeps its definition, data and PDF.
    before = document.sha256
    record_form.eform = {**record_form.eform, "title": "Tờ khai mới"}
    record_form.save()
    record.refresh_from_db()
    assert record.definition["title"] == "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"
    assert dossier.documents.get(required_document=record_form).sha256 == before

    services.receive(dossier, world.xa_motcua)
    signed = dossier.documents.get(required_document=record_form)
    assert signed.sha256 != before and check_pdf(signed.file.open("rb").read()).valid


def test_the_review_and_submission_refuse_an_incomplete_form(citizen_client, world, registry, record_form):
    dossier, _response = start(citizen_client, world)
    citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**answers(record_form, purpose=""), "save": "1"})
    review = citizen_client.get(f"/ho-so/{dossier.pk}/xem-lai/").content.decode()
    assert "Chưa khai đủ, đúng tờ khai: Tờ khai." in review
    assert f"/ho-so/{dossier.pk}/soan/?kiem-tra=1#eform-{record_form.pk}" in review
    assert citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/").status_code == 400
    dossier.refresh_from_db()
    assert dossier.state == "draft" and not dossier.documents.exists()
    back = citizen_client.get(f"/ho-so/{dossier.pk}/soan/?kiem-tra=1").content.decode()
    assert "Mục đích sử dụng Phiếu lý lịch tư pháp: Trường này là bắt buộc." in back
