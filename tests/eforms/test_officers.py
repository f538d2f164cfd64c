"""Officers read the declared fields on the dossier page, find dossiers by key fields, export them;
hostile values in every field type get a message, never a 500."""

import pytest

from eforms.models import DossierForm
from tests.portal.citizens.test_filing import start

from .test_filing import answers

pytestmark = pytest.mark.django_db


def submitted(client, world, document, **changes):
    dossier, _response = start(client, world)
    client.post(f"/ho-so/{dossier.pk}/soan/", {**answers(document, **changes), "save": "1"})
    assert client.post(f"/ho-so/{dossier.pk}/xem-lai/").status_code == 302
    dossier.refresh_from_db()
    return dossier


def test_the_desk_reads_searches_and_exports_the_declared_fields(
    citizen_client, staff_client, world, registry, record_form
):
    dossier = submitted(citizen_client, world, record_form, purpose="Xin việc tại Công ty Điện lực")
    desk = staff_client("xa_motcua")
    page = desk.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "tờ khai điện tử" in page and "Mục đích sử dụng Phiếu lý lịch tư pháp" in page
    assert "Xin việc tại Công ty Điện lực" in page and "Phú Bình, Thái Nguyên" in page  # the group's row
    found = desk.get("/can-bo/tim-kiem/", {"declared": "dien luc"}).context["results"]  # without accents
    assert [d.pk for d in found] == [dossier.pk]
    assert desk.get("/can-bo/tim-kiem/", {"declared": "xây nhà"}).context["results"] == []
    csv = desk.get("/can-bo/to-khai.csv", {"thu-tuc": world.simple.pk}).content.decode("utf-8-sig").splitlines()
    assert csv[0].startswith(
        "Mã hồ sơ,Người nộp,Ngày nộp,Loại Phiếu lý lịch tư pháp yêu cầu cấp,Họ và tên,Số định danh cá nhân"
    )
    assert dossier.code in csv[1] and "Xin việc tại Công ty Điện lực" in csv[1]
    assert desk.get("/can-bo/to-khai.csv", {"thu-tuc": "<script>"}).status_code == 400
    other_desk = staff_client("xa2_motcua").get("/can-bo/to-khai.csv", {"thu-tuc": world.simple.pk})
    assert dossier.code not in other_desk.content.decode("utf-8-sig")  # another commune's desk sees none


HOSTILE = {
    "full_name": "x" * 5000,
    "sex": "robot",
    "date_of_birth": "31/02/2020",
    "personal_id": "01909000123A",
    "permanent_residence_0": "99999' OR 1=1 --",
    "phone": "+84 912",
    "email": "not-an-email",
    "residences-rows": "999999999999",
    "residences-0-from_year": "1e309",
    "residences-0-to_year": "NaN",
    "has_record": "maybe",
    "copies": "-1",
    "purpose": "\x00<script>alert(1)</script>",
}


def test_hostile_values_in_every_field_type_get_messages_and_nothing_breaks(
    citizen_client, world, registry, record_form
):
    dossier, _response = start(citizen_client, world)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**answers(record_form, **HOSTILE), "review": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Giá trị này chỉ có tối đa 200 kí tự",
        "Giới tính: Hãy chọn một lựa chọn hợp lệ",
        "Ngày, tháng, năm sinh: Nhập một ngày hợp lệ",
        "Số định danh cá nhân phải gồm đúng 12 chữ số",
        "Nơi thường trú: Hãy chọn một lựa chọn hợp lệ",
        "Số điện thoại gồm 10 chữ số",
        "Thư điện tử: Nhập địa chỉ email",
        "Đến năm: Hãy nhập năm bằng 4 chữ số",
        "Số lượng Phiếu yêu cầu cấp: Đảm bảo giá trị này lớn hơn hoặc bằng với 1",
        "Mục đích sử dụng Phiếu lý lịch tư pháp: Không được chứa ký tự rỗng",
        "Có án tích không?: Hãy chọn một lựa chọn hợp lệ",
    ):
        assert message in html, message
    assert "<script>alert(1)</script>" not in html
    record = DossierForm.objects.get(dossier=dossier)
    assert record.values is None and record.raw["ef-residences-rows"] == "15"  # bounded by max_rows
    for forged in (
        {"eform-add": "99999:zzz"},
        {"eform-remove": f"{record_form.pk}:residences:99"},
        {"eform-add": "1:<b>"},
        {"eform-remove": "x"},
    ):
        assert citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**answers(record_form), **forged}).status_code < 500
    assert citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/").status_code in (302, 400)


def test_the_citizens_own_data_export_includes_what_they_declared(citizen_client, world, registry, record_form):
    submitted(citizen_client, world, record_form, purpose="Du học")
    from privacy.export import personal_data

    declared = personal_data(world.citizen)["dossiers"][0]["declarations"][0]
    assert (
        declared["title"] == "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp" and declared["values"]["purpose"] == "Du học"
    )
