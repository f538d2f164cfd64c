"""What a procedure issues, as its catalogue says (issue 31, part 1): a paper of a book numbered per
book and year outside the outgoing register; an administrative document numbered with its own type;
a sector system's result attached as it came. Each made out from the dossier, signed by the person
who approved it, read back from the PDF."""

import json
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4

from documents.models import OutgoingDocument
from eforms.models import DossierForm
from government.models import Authority
from government.signing import check_signatures
from procedures import services
from procedures.exceptions import TransitionNotAllowed
from procedures.models import ResultBookSequence
from procedures.services import results
from tests.factories import ProcedureFactory, local, online
from tests.pdf_checks import check_paper
from tests.uploads import pdf

pytestmark = pytest.mark.django_db
EFORMS = Path(__file__).resolve().parents[2] / "fixtures" / "eforms"
URL = "http://testserver/xac-thuc/{}/"


def deputy(world):
    """The commune's leader is a deputy chair: the block says so."""
    world.xa_lanhdao.staff_role.title, world.xa_lanhdao.staff_role.authority = "Phó Chủ tịch", Authority.DEPUTY
    world.xa_lanhdao.staff_role.save()
    return world.xa_lanhdao


def in_processing(world, procedure, values=None, code=None):
    dossier = online(world, procedure=procedure)
    if values is not None:
        definition = json.loads((EFORMS / f"{code}.json").read_text(encoding="utf-8"))
        DossierForm.objects.create(
            dossier=dossier,
            required_document=procedure.required_documents.first(),
            definition=definition,
            values=values,
            raw=values,
            submitted_at=local(2026, 11, 20, 20),
        )
    services.receive(dossier, world.xa_motcua, at=local(2026, 11, 23, 8, 0))
    services.start_processing(dossier, world.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    return dossier


def approved(world, dossier, at=local(2026, 11, 23, 15, 0)):
    results.propose_result(dossier, world.xa_chuyenvien, outcome="result", generate=True, verification_url=URL.format)
    results.approve_and_sign(dossier, deputy(world), at=at)
    event = dossier.events.get(action="approve")
    item = event.files.get()
    with item.file.open("rb") as handle:
        return event, handle.read()


BIRTH = {
    "child_name": "Nguyễn Thị Bảo Ngọc",
    "child_sex": "female",
    "child_date_of_birth": "2026-11-02",
    "child_place_of_birth": "Bệnh viện A Thái Nguyên",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "mother_name": "Trần Thị Hằng",
    "mother_residence": {"detail": "Tổ 5", "commune": "91101"},
    "has_father": True,
    "father_name": "Nguyễn Văn Đức",
    "declarant_name": "Nguyễn Văn Đức",
    "declarant_relation": "father",
}


def test_a_birth_is_entered_in_the_civil_status_book_and_its_extract_names_the_child(world):
    procedure = ProcedureFactory(
        name="Đăng ký khai sinh",
        result_document="Giấy khai sinh (bản chính)",
        result_kind="book",
        result_type="",
        result_book="KS",
    )
    event, paper = approved(world, in_processing(world, procedure, BIRTH, "1.001193"))
    text = check_paper(paper, A4)
    assert "TRÍCH LỤC KHAI SINH" in text and "NGUYỄN THỊ BẢO NGỌC" in text and "02/11/2026" in text
    assert "Trần Thị Hằng" in text and "Tổ 5, " in text and "Nguyễn Văn Đức" in text and "Sổ đăng ký khai sinh" in text
    assert "Số: 1, Quyển số: 01/2026" in text and "Tân Thử, ngày 23 tháng 11 năm 2026" in text
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and world.xa_lanhdao.get_full_name() in text
    assert "Nơi nhận:" in text and "Lưu: VT" in text and "QĐ" not in text and "THỦ TRƯỞNG" not in text
    assert all(check.valid for check in check_signatures(paper)) and len(check_signatures(paper)) == 2
    assert not OutgoingDocument.objects.exists()  # never in the outgoing register
    assert event.data["book_entries"] == [
        {"book": "KS", "year": 2026, "number": 1, "reference": "Số: 1, Quyển số: 01/2026"}
    ]
    _event, second = approved(world, in_processing(world, procedure, BIRTH, "1.001193"))
    assert "Số: 2, Quyển số: 01/2026" in check_paper(second)


def test_the_book_starts_again_on_the_first_of_january_in_vietnam(world):
    procedure = ProcedureFactory(name="Đăng ký khai sinh", result_kind="book", result_type="", result_book="KS")
    ResultBookSequence.objects.create(agency=world.commune_agency, book="KS", year=2026, last_number=41)
    _event, paper = approved(world, in_processing(world, procedure, BIRTH, "1.001193"), at=local(2027, 1, 4, 0, 30))
    assert "Số: 1, Quyển số: 01/2027" in check_paper(paper)  # 3 January 17:30 in UTC


def test_a_certified_copy_names_what_was_certified_with_its_certification_book_number(world):
    procedure = ProcedureFactory(
        name="Chứng thực bản sao từ bản chính",
        result_document="Bản sao có chứng thực",
        result_kind="book",
        result_type="",
        result_book="SCT/BS",
    )
    values = {
        "requester": "Nguyễn Văn An",
        "personal_id": "019090001234",
        "papers": [{"name": "Bằng tốt nghiệp đại học", "issued_by": "Đại học Thái Nguyên", "copies": 3}],
        "purpose": "Nộp hồ sơ tuyển dụng",
    }
    _event, paper = approved(world, in_processing(world, procedure, values, "2.000815"))
    text = check_paper(paper, A4)
    assert "Số chứng thực: 1, Quyển số: 01/2026-SCT/BS" in text
    assert "Bằng tốt nghiệp đại học, do Đại học Thái Nguyên cấp; số bản sao: 3" in text


def test_an_administrative_result_takes_its_own_type_from_the_outgoing_register(world):
    procedure = ProcedureFactory(
        name="Thực hiện trợ cấp xã hội hằng tháng",
        result_document="Quyết định trợ cấp",
        result_kind="document",
        result_type="QĐ",
    )
    _event, paper = approved(world, in_processing(world, procedure))
    text = check_paper(paper, A4)
    document = OutgoingDocument.objects.get()
    assert document.symbol == "01/QĐ-UBND" and document.document_type.abbreviation == "QĐ"
    assert "QUYẾT ĐỊNH Về việc quyết định trợ cấp cho Ông/Bà" in text and "Điều 1." in text
    assert "Căn cứ Luật thử nghiệm;" in text and "PHÓ CHỦ TỊCH" in text and world.xa_lanhdao.get_full_name() in text
    notice = ProcedureFactory(
        name="Thủ tục trả lời", result_document="Văn bản trả lời", result_kind="document", result_type="TB"
    )
    approved(world, in_processing(world, notice))
    assert OutgoingDocument.objects.order_by("-pk").first().symbol == "02/TB-UBND"


def test_a_sector_systems_result_is_uploaded_and_kept_as_it_came(world):
    procedure = ProcedureFactory(name="Cấp Phiếu lý lịch tư pháp", result_kind="sector", result_type="")
    dossier = in_processing(world, procedure)
    with pytest.raises(TransitionNotAllowed, match="hệ thống chuyên ngành"):
        results.propose_result(
            dossier, world.xa_chuyenvien, outcome="result", generate=True, verification_url=URL.format
        )
    upload = pdf()
    uploaded = upload.read()
    upload.seek(0)
    results.propose_result(dossier, world.xa_chuyenvien, outcome="result", upload=upload)
    results.approve_and_sign(dossier, world.xa_lanhdao)
    with dossier.events.get(action="approve").files.get().file.open("rb") as handle:
        assert handle.read() == uploaded
    assert not OutgoingDocument.objects.exists() and not ResultBookSequence.objects.exists()


def test_the_catalogue_says_what_a_procedure_issues_or_its_name_does():
    from procedures.result_books import infer

    assert infer("Đăng ký khai sinh") == ("book", "", "KS")
    assert infer("Chứng thực bản sao từ bản chính giấy tờ, văn bản") == ("book", "", "SCT/BS")
    assert infer("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam") == ("sector", "", "")
    assert infer("Giải quyết chế độ trợ cấp thờ cúng liệt sĩ") == ("document", "QĐ", "")


def test_a_catalogue_entry_says_what_it_issues_and_an_unknown_book_is_refused():
    from django.core.exceptions import ValidationError

    from procedures.catalog_files import version_from

    base = {
        "effective_from": "2026-01-01",
        "decision": {"number": "1/QĐ-UBND"},
        "processing_days": 1,
        "result": "Bản sao có chứng thực",
        "legal_basis": "Nghị định 23/2015/NĐ-CP",
        "online_level": "partial",
        "documents": [{"name": "Bản chính"}],
        "route": [{"level": "commune", "agency": "committee", "task": "x", "days": 1}],
    }
    version = version_from({**base, "result_kind": "book", "result_book": "SCT/BS"}, procedure_name="Tên bất kỳ")
    assert (version["result_kind"], version["result_type"], version["result_book"]) == ("book", "", "SCT/BS")
    with pytest.raises(ValidationError, match="không có trong danh sách sổ"):
        version_from({**base, "result_kind": "book", "result_book": "XYZ"})
    with pytest.raises(ValidationError):
        version_from({**base, "result_kind": "certificate"})
    assert version_from(base, procedure_name="Chứng thực chữ ký trong các giấy tờ")["result_book"] == "SCT/CK"
