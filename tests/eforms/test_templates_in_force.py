"""Declaration forms match the templates in force (issue 32 §3): the criminal record request of
Circular 06/2024/TT-BTP, CT01's consent blocks, the birth registration declaration, each definition
naming its template, and a registry address accepted as it is on both unit trees."""

import dataclasses
import datetime as dt
import glob
import json
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from eforms.forms import EForm, show, template_reference
from eforms.models import DossierForm
from eforms.services import prefilled
from government.models import AdministrativeUnit, UnitLevel
from government.words import date_in_words, number
from payments.services import fee_of
from tests.factories import online

from .conftest import definition

pytestmark = pytest.mark.django_db


def test_every_demo_definition_names_the_template_it_follows():
    for path in glob.glob("fixtures/eforms/*.json"):
        template = json.load(open(path, encoding="utf-8"))["template"]
        assert template["form"] and template["issued_with"] and dt.date.fromisoformat(template["date"]), path
    record = definition("2.001417")["template"]
    assert template_reference(record) == (
        "Mẫu số 03/2024/TT-LLTP (tự yêu cầu), Mẫu số 04/2024/TT-LLTP (ủy quyền) "
        "ban hành kèm theo Thông tư 06/2024/TT-BTP ngày 19/06/2024"
    )
    assert "2013" not in json.dumps(definition("2.001417"))


def _record_request(**changes):
    data = {
        "certificate": "no1",
        "request_case": "self",
        "full_name": "Nguyễn Văn An",
        "sex": "male",
        "date_of_birth": "1990-05-12",
        "place_of_birth": "Thái Nguyên",
        "nationality": "Việt Nam",
        "personal_id": "019090001234",
        "permanent_residence_0": "91101",
        "permanent_residence_1": "Tổ 5",
        "residences-rows": "1",
        "residences-0-from_month": "3",
        "residences-0-from_year": "2004",
        "residences-0-to_month": "11",
        "residences-0-to_year": "2026",
        "residences-0-place": "Phú Bình",
        "has_record": "no",
        "copies": "1",
        "purpose": "Xin việc",
        "ban_confirmation": "no",
        **changes,
    }
    return EForm(definition("2.001417"), {f"ef-{k}": v for k, v in data.items()}, prefix="ef")


def test_certificate_no_2_cannot_be_asked_for_through_an_authorised_person(world):
    refused = _record_request(
        certificate="no2", request_case="authorised", agent_name="Trần Văn Bình", agent_personal_id="019195004321"
    )
    assert not refused.is_valid()
    assert [m for _id, _label, m in refused.errors] == [
        "Phiếu lý lịch tư pháp số 2 chỉ cấp cho chính người đó: không ủy quyền cho người khác làm thủ tục được."
    ]
    authorised = _record_request(
        request_case="authorised",
        agent_name="Trần Văn Bình",
        agent_personal_id="019195004321",
        agent_relation="Anh trai",
    )
    assert authorised.is_valid(), authorised.errors
    assert authorised.values["agent_name"] == "Trần Văn Bình" and authorised.values["ban_confirmation"] is False
    missing_agent = _record_request(request_case="authorised")
    assert not missing_agent.is_valid()
    assert "Họ và tên người được ủy quyền" in [label for _id, label, _m in missing_agent.errors]


def test_the_ban_on_office_belongs_to_certificate_no_1_only(world):
    second = _record_request(certificate="no2", ban_confirmation="yes")
    assert second.is_valid() and "ban_confirmation" not in second.values
    first = _record_request(ban_confirmation="")
    assert not first.is_valid()


def test_residence_history_has_months(world):
    form = _record_request(**{"residences-0-from_month": "13"})
    assert not form.is_valid()
    assert [label for _i, label, m in form.errors if "12" in m] == ["Từ tháng"]
    assert _record_request().values["residences"][0]["from_month"] == "3"


def _residence(**changes):
    data = {
        "full_name": "Nguyễn Văn An",
        "date_of_birth": "1990-05-12",
        "sex": "male",
        "personal_id": "019090001234",
        "owner_name": "Nguyễn Văn Cả",
        "relation_to_owner": "Em",
        "owner_personal_id": "019060000011",
        "new_residence_0": "91101",
        "new_residence_1": "Tổ 5",
        "content": "Đăng ký thường trú",
        "members-rows": "0",
        "joins_household": "yes",
        "householder_agrees": "yes",
        "owns_dwelling": "yes",
        "is_minor": "no",
        **changes,
    }
    return EForm(definition("1.004194"), {f"ef-{k}": v for k, v in data.items()}, prefix="ef")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"householder_agrees": "no"}, "Ý kiến của chủ hộ: đồng ý cho đăng ký", "cần chủ hộ đồng ý"),
        (
            {"owns_dwelling": "no", "dwelling_owner_name": "Lê Văn D", "dwelling_owner_agrees": "no"},
            "Ý kiến của chủ sở hữu chỗ ở hợp pháp: đồng ý cho đăng ký",
            "cần chủ sở hữu chỗ ở hợp pháp đồng ý",
        ),
        ({"owns_dwelling": "no"}, "Họ, chữ đệm và tên chủ sở hữu chỗ ở hợp pháp", "bắt buộc"),
        (
            {
                "is_minor": "yes",
                "guardian_name": "Nguyễn Văn Cả",
                "guardian_personal_id": "019060000011",
                "guardian_agrees": "no",
            },
            "Ý kiến của cha, mẹ hoặc người giám hộ: đồng ý",
            "cần cha, mẹ hoặc người giám hộ",
        ),
    ],
)
def test_ct01_asks_for_the_consents_the_law_asks_for(world, changes, field, message):
    form = _residence(**changes)
    assert not form.is_valid()
    assert any(label == field and message in m for _id, label, m in form.errors), form.errors


def test_ct01_does_not_put_the_applicant_in_the_householders_place(world):
    assert _residence().is_valid()
    raw = prefilled(definition("1.004194"), online(world), record=Record("Nguyễn Văn An", "Tổ 5"))
    assert raw["ef-full_name"] == "Nguyễn Văn An" and "ef-owner_name" not in raw


def _birth(**changes):
    data = {
        "child_name": "Nguyễn Minh Khang",
        "child_sex": "male",
        "child_date_of_birth": "2026-11-25",
        "child_place_of_birth": "Bệnh viện A",
        "child_ethnicity": "Kinh",
        "child_nationality": "Việt Nam",
        "mother_name": "Trần Thị Hoa",
        "mother_year_of_birth": "1996",
        "mother_ethnicity": "Kinh",
        "mother_nationality": "Việt Nam",
        "mother_residence_0": "91101",
        "has_father": "yes",
        "father_name": "Nguyễn Văn Đức",
        "father_year_of_birth": "1994",
        "father_ethnicity": "Kinh",
        "father_nationality": "Việt Nam",
        "father_residence_0": "91101",
        "declarant_relation": "carer",
        "caring_body": "Trung tâm Bảo trợ xã hội tỉnh",
        "declarant_name": "Lê Thị Em",
        "declarant_personal_id": "019195004321",
        "declarant_residence_0": "91101",
        "wants_copies": "yes",
        "copies_count": "2",
        **changes,
    }
    return EForm(definition("1.001193"), {f"ef-{k}": v for k, v in data.items()}, prefix="ef")


def test_birth_declaration_has_the_fields_of_the_template(world):
    form = _birth()
    assert form.is_valid(), form.errors
    assert form.values["mother_year_of_birth"] == 1996 and form.values["declarant_relation"] == "carer"
    assert form.values["copies_count"] == "2"
    for wrong in ("1996-05-01", "3000"):
        refused = _birth(mother_year_of_birth=wrong)
        assert not refused.is_valid()
        assert refused.errors[0][1] == "Năm sinh của mẹ"
    no_father = _birth(has_father="no", father_name="", father_year_of_birth="", father_residence_0="")
    assert no_father.is_valid() and "father_year_of_birth" not in no_father.values
    spec = next(f for f in definition("1.001193")["fields"] if f["key"] == "child_date_of_birth")
    assert show(spec, "2026-11-25") == (
        "25/11/2026 (bằng chữ: Ngày hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi sáu)"
    )


def test_copies_asked_for_add_to_the_fee(world):
    dossier = online(world)
    assert fee_of(dossier) == 0
    required = world.simple.required_documents.get()
    DossierForm.objects.create(
        dossier=dossier, required_document=required, definition=definition("1.001193"), values=_birth().values
    )
    assert fee_of(dossier) == 16_000  # 2 × 8.000 đồng
    DossierForm.objects.filter(dossier=dossier).update(values=_birth(wants_copies="no", copies_count="").values)
    assert fee_of(dossier) == 0


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2026, 4, 5), "Ngày mùng năm tháng tư năm hai nghìn không trăm hai mươi sáu"),
        (dt.date(2005, 1, 21), "Ngày hai mươi mốt tháng một năm hai nghìn không trăm lẻ năm"),
        (dt.date(1999, 12, 15), "Ngày mười lăm tháng mười hai năm một nghìn chín trăm chín mươi chín"),
        (dt.date(2010, 10, 24), "Ngày hai mươi tư tháng mười năm hai nghìn không trăm mười"),
    ],
)
def test_dates_in_words(day, words):
    assert date_in_words(day) == words


def test_numbers_in_words():
    assert [number(n) for n in (0, 11, 105, 1000, 2001, 2100)] == [
        "không",
        "mười một",
        "một trăm lẻ năm",
        "một nghìn",
        "hai nghìn không trăm lẻ một",
        "hai nghìn một trăm",
    ]


# --- a registry address is accepted as it is -----------------------------------------------------


@dataclasses.dataclass
class Record:
    full_name: str
    permanent_residence: str


def _prefilled_address(address):
    dossier = SimpleNamespace(
        applicant_name="",
        applicant_personal_id="",
        applicant_date_of_birth=None,
        applicant_phone="",
        applicant_email="",
        applicant_address="",
        applicant=None,
    )
    raw = prefilled(definition("2.001417"), dossier, record=Record("Nguyễn Văn An", address))
    return raw.get("ef-permanent_residence_0"), raw.get("ef-permanent_residence_1")


@pytest.mark.parametrize("model", ["legacy", "2025"])
def test_the_commune_is_chosen_from_the_registrys_address(model):
    call_command("load_reference_data", model=model, stdout=open("/dev/null", "w"))
    old_address = "Xóm Chùa, xã Tân Đức, huyện Phú Bình, tỉnh Thái Nguyên"
    commune, detail = _prefilled_address(old_address)
    expected = "Xã Tân Đức" if model == "legacy" else "Xã Kha Sơn"  # converted to the 2025 tree
    assert AdministrativeUnit.objects.get(code=commune).name == expected and detail == "Xóm Chùa"
    if model == "2025":
        commune, detail = _prefilled_address("Tổ 5, Xã Kha Sơn, Tỉnh Thái Nguyên")
        assert AdministrativeUnit.objects.get(code=commune, level=UnitLevel.COMMUNE).name == "Xã Kha Sơn"
    assert _prefilled_address("ở nhà bà ngoại") == (None, "ở nhà bà ngoại")


def test_an_address_without_its_commune_is_told_so_in_vietnamese(world):
    form = _record_request(permanent_residence_0="", permanent_residence_1="Xóm Chùa, xã Tân Đức")
    assert not form.is_valid()
    messages = [m for _i, label, m in form.errors if label == "Nơi thường trú"]
    assert messages == ["Hãy chọn xã, phường."]
