"""Outgoing documents: the leader signs first, the clerk numbers, dates and seals after, and both
signatures stay valid; any other change to the issued file shows (decision 0020)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader

from documents.models import OutgoingDocument, OutgoingState, RegisterSequence
from documents.policy import NotAllowed
from documents.services import outgoing
from government.signing import check_signatures
from tests.concurrency import at_once
from tests.documents.factories import issued, kind, scan
from tests.factories import local

pytestmark = pytest.mark.django_db


def text_of(pdf):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def filled(pdf):
    """The values the clerk wrote into the form fields (shown by their appearance streams)."""
    return {name: field.get("/V") for name, field in PdfReader(io.BytesIO(pdf)).get_fields().items()}


def content(field):
    with field.open("rb") as handle:
        return handle.read()


def test_a_decision_is_signed_by_the_leader_then_numbered_dated_and_sealed_by_the_clerk(offices):
    o = offices.ubnd
    document = issued(o, at=local(2026, 11, 25, 10, 0))
    assert document.state == OutgoingState.ISSUED
    assert (document.number, document.symbol, str(document.issued_on)) == (1, "01/QĐ-UBND", "2026-11-25")
    pdf = content(document.issued_pdf)
    values = filled(pdf)
    assert values["SoKyHieu"] == "Số: 01/QĐ-UBND"
    assert values["NgayBanHanh"] == "Phú Thượng, ngày 25 tháng 11 năm 2026"
    text = text_of(pdf)
    assert "QUYẾT ĐỊNH" in text and "CHỦ TỊCH" in text and o.leader.get_full_name() in text
    leader, agency = check_signatures(pdf)
    assert leader.valid and leader.certifies and leader.later_changes_permitted and not leader.whole_file
    assert leader.signer == o.leader.get_full_name()
    assert agency.valid and agency.whole_file and agency.signer == o.agency.name


def test_an_official_letter_is_numbered_with_the_drafting_unit(offices):
    letter = issued(offices.ubnd, type_name="Công văn", drafting_unit="VP")
    assert letter.symbol == "01/UBND-VP"
    assert issued(offices.ubnd).symbol == "02/QĐ-UBND"  # one register for every type of the agency


def test_a_change_to_the_issued_file_is_detected(offices):
    pdf = content(issued(offices.ubnd).issued_pdf)
    # A byte changed inside what was signed: both signatures say so.
    forged = pdf.replace(b"(ReportLab PDF Library", b"(Reportlab PDF Library", 1)
    assert forged != pdf
    checks = check_signatures(forged)
    assert len(checks) == 2 and not any(check.valid or check.intact for check in checks)
    # Text added after both signatures, as a new revision: the leader's signature does not permit it,
    # and the agency's no longer covers the whole file.
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"BT 100 100 Td (So 99) Tj ET")))
    buffer = io.BytesIO()
    writer.write(buffer)
    leader, agency = check_signatures(buffer.getvalue())
    assert not leader.valid and not leader.later_changes_permitted
    assert not agency.valid and not agency.whole_file


def test_numbering_restarts_on_the_first_of_january(offices):
    o = offices.ubnd
    assert issued(o, at=local(2026, 12, 31, 16, 0)).symbol == "01/QĐ-UBND"
    new_year = issued(o, at=local(2027, 1, 4, 8, 0))
    assert (new_year.year, new_year.number) == (2027, 1)


def test_a_draft_uploaded_as_pdf_gets_the_fields_at_the_standard_places(offices):
    o = offices.ubnd
    document = outgoing.create_draft(
        o.specialist,
        document_type=kind("Thông báo"),
        excerpt="Lịch tiếp công dân",
        signer=o.leader,
        signer_title="CHỦ TỊCH",
        upload=scan("thong-bao.pdf"),
    )
    outgoing.submit(o.specialist, document)
    outgoing.sign(o.leader, document)
    document = outgoing.issue(o.clerk, document, at=local(2026, 3, 5, 9, 0))
    pdf = content(document.issued_pdf)
    assert filled(pdf)["SoKyHieu"] == "Số: 01/TB-UBND" and "ngày 05 tháng 3 năm 2026" in filled(pdf)["NgayBanHanh"]
    assert all(check.valid for check in check_signatures(pdf))


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("du-thao.pdf", b"<html>not a pdf</html>"), "PDF"),
        (None, "nội dung"),
    ],
)
def test_a_draft_without_a_body_or_with_a_forged_file_is_refused_and_nothing_is_kept(offices, upload, message):
    o = offices.ubnd
    with pytest.raises(Exception) as error:
        outgoing.create_draft(
            o.specialist,
            document_type=kind("Thông báo"),
            excerpt="x",
            signer=o.leader,
            signer_title="CHỦ TỊCH",
            upload=upload,
        )
    assert message in str(error.value)
    assert not OutgoingDocument.objects.exists()


def test_each_step_belongs_to_its_person(offices):
    o, other = offices.ubnd, offices.so
    with pytest.raises(NotAllowed):  # the signer is a leader of the same agency
        outgoing.create_draft(
            o.specialist,
            document_type=kind("Quyết định"),
            excerpt="x",
            body="y",
            signer=other.leader,
            signer_title="CHỦ TỊCH",
        )
    document = outgoing.create_draft(
        o.specialist, document_type=kind("Quyết định"), excerpt="x", body="y", signer=o.leader, signer_title="CHỦ TỊCH"
    )
    with pytest.raises(NotAllowed):
        outgoing.submit(o.clerk, document)
    outgoing.submit(o.specialist, document)
    for user in (o.specialist, o.clerk, other.leader):
        with pytest.raises(NotAllowed):
            outgoing.sign(user, document)
    with pytest.raises(outgoing.OutgoingRefused):  # not signed yet: no number
        outgoing.issue(o.clerk, document)
    outgoing.sign(o.leader, document)
    for user in (o.specialist, o.leader, other.clerk):
        with pytest.raises(NotAllowed):
            outgoing.issue(user, document)
    assert not RegisterSequence.objects.exists()


def test_the_leader_returns_a_draft_with_what_to_change(offices):
    o = offices.ubnd
    document = outgoing.create_draft(
        o.specialist, document_type=kind("Quyết định"), excerpt="x", body="y", signer=o.leader, signer_title="CHỦ TỊCH"
    )
    outgoing.submit(o.specialist, document)
    outgoing.return_draft(o.leader, document, "Sửa căn cứ pháp lý")
    document.refresh_from_db()
    assert (document.state, document.review_note) == (OutgoingState.DRAFT, "Sửa căn cứ pháp lý")


def test_the_date_line_writes_a_zero_before_days_under_10_and_months_1_and_2_only():
    import datetime as dt

    from government.pdf import date_line

    assert date_line("Phú Thượng", dt.date(2026, 2, 5)) == "Phú Thượng, ngày 05 tháng 02 năm 2026"
    assert date_line("Phú Thượng", dt.date(2026, 3, 9)) == "Phú Thượng, ngày 09 tháng 3 năm 2026"
    assert date_line("Phú Thượng", dt.date(2026, 11, 25)) == "Phú Thượng, ngày 25 tháng 11 năm 2026"


# serialized_rollback: the document types (a data migration's rows) are back even when another
# transactional test flushed the database before this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_issues_in_one_register_get_fifty_consecutive_distinct_numbers(offices):
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrency of issuing is proven on PostgreSQL (run with DATABASE_URL); SQLite serialises "
            "all writers anyway"
        )
    o = offices.ubnd
    signed = []
    for i in range(50):
        document = outgoing.create_draft(
            o.specialist,
            document_type=kind("Quyết định"),
            excerpt=f"Quyết định {i}",
            body="Điều 1.",
            signer=o.leader,
            signer_title="CHỦ TỊCH",
        )
        outgoing.submit(o.specialist, document)
        signed.append(outgoing.sign(o.leader, document))
    # list.pop is atomic: each thread takes its own document.
    issued_now, errors = at_once(
        50, lambda: outgoing.issue(o.clerk, signed.pop(), at=local(2026, 11, 25, 10, 0)).number
    )
    assert errors == []
    assert sorted(issued_now) == list(range(1, 51))
    symbols = set(OutgoingDocument.objects.values_list("symbol", flat=True))
    assert len(symbols) == 50


def test_a_demo_certificate_is_issued_again_when_its_id_now_belongs_to_another_name(offices):
    from cryptography.hazmat.primitives.serialization import pkcs12

    from demo.pki import demo_personal_certificate

    leader, agency = offices.ubnd.leader, offices.ubnd.agency

    def name_in(path):
        certificate = pkcs12.load_key_and_certificates(path.read_bytes(), None)[1]
        return certificate.subject.rfc4514_string()

    before = name_in(demo_personal_certificate(leader, agency))
    leader.last_name, leader.first_name = "Hoàng Văn", "Tư"
    after = name_in(demo_personal_certificate(leader, agency))
    assert leader.get_full_name() not in before and leader.get_full_name() in after
