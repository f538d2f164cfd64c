"""The clerks', leaders' and specialists' pages for documents: the journey through them, what another
agency sees by URL (nothing), hostile input, the registers' Excel files, the verification page."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from documents.models import Delivery, DeliveryStatus, IncomingDocument, IncomingState, OutgoingDocument
from documents.services import incoming
from government.models import Role
from tests.documents.factories import entry, issued, kind, scan
from tests.factories import CitizenFactory, local, sign_in_verified, staff

pytestmark = pytest.mark.django_db


def client_for(user):
    return sign_in_verified(Client(), user)


def test_a_letter_from_arrival_to_answer_through_the_pages(offices, time_machine):
    time_machine.move_to(local(2026, 11, 24, 9, 0))  # the dates typed below are ahead of this day
    o = offices.ubnd
    clerk, leader, specialist = client_for(o.clerk), client_for(o.leader), client_for(o.specialist)
    # The clerk lands on the incoming register and registers a scanned letter.
    assert clerk.get("/can-bo/").url == reverse("documents:incoming")
    response = clerk.post(
        reverse("documents:incoming_create"),
        {
            "classification": "none",
            "channel": "paper",
            "sender": "Sở Nội vụ tỉnh Thái Nguyên",
            "number_symbol": "123/SNV-CCHC",
            "issued_on": "2026-11-20",
            "document_type": kind("Công văn").pk,
            "excerpt": "V/v rà soát thủ tục hành chính",
            "urgency": "urgent",
            "answer_due": "2026-12-30",
            "files": [scan()],
        },
        follow=True,
    )
    document = IncomingDocument.objects.get()
    assert "Đã vào sổ văn bản đến số 1" in response.content.decode()
    # The leader assigns it to the specialist.
    response = leader.post(
        reverse("documents:incoming_assign", args=[document.pk]),
        {"handler": o.specialist.pk, "handler_due": "2026-12-28", "note": "Tham mưu trả lời"},
        follow=True,
    )
    assert "Đã phân công xử lý" in response.content.decode()
    # The specialist sees it as theirs, drafts the answer from the template, submits it.
    assert "V/v rà soát thủ tục hành chính" in specialist.get(reverse("documents:incoming")).content.decode()
    response = specialist.post(
        reverse("documents:outgoing_create"),
        {
            "document_type": kind("Công văn").pk,
            "excerpt": "V/v báo cáo kết quả rà soát",
            "urgency": "normal",
            "body": "Kính gửi Sở Nội vụ.\n\nỦy ban báo cáo như sau.",
            "drafting_unit": "VP",
            "signer": o.leader.pk,
            "signer_title": "CHỦ TỊCH",
            "addressees": [offices.so.agency.pk],
        },
        follow=True,
    )
    draft = OutgoingDocument.objects.get()
    assert response.status_code == 200, response.content.decode()[:2000]
    specialist.post(reverse("documents:outgoing_submit", args=[draft.pk]))
    leader.post(reverse("documents:outgoing_sign", args=[draft.pk]))
    response = clerk.post(reverse("documents:outgoing_issue", args=[draft.pk]), follow=True)
    draft.refresh_from_db()
    assert draft.symbol == "01/UBND-VP" and "Đã cấp số" in response.content.decode()
    page = clerk.get(reverse("documents:outgoing_detail", args=[draft.pk])).content.decode()
    assert page.count("Hợp lệ") == 2  # the leader's and the agency's signatures
    # The addressed agency takes it in; the sender sees "Đã nhận".
    other = client_for(offices.so.clerk)
    delivery = Delivery.objects.get()
    assert "01/UBND-VP" in other.get(reverse("documents:incoming")).content.decode()
    other.post(reverse("documents:incoming_receive", args=[delivery.pk]), {"answer_due": ""})
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RECEIVED and delivery.incoming.number_symbol == "01/UBND-VP"
    assert "Đã nhận" in clerk.get(reverse("documents:outgoing_detail", args=[draft.pk])).content.decode()
    # The specialist closes the letter, answered by the issued document.
    specialist.post(
        reverse("documents:incoming_close", args=[document.pk]),
        {"outcome": "answered", "answer": draft.pk, "note": "Đã trả lời"},
    )
    document.refresh_from_db()
    assert document.state == IncomingState.CLOSED and document.answer == draft


def test_another_agencys_staff_see_none_of_these_documents_by_url(offices):
    o = offices.ubnd
    letter = incoming.register_incoming(o.clerk, entry(), files=[scan()])
    decision = issued(o)
    stranger = client_for(offices.so.leader)
    for url in (
        reverse("documents:incoming_detail", args=[letter.pk]),
        reverse("documents:incoming_file", args=[letter.pk, letter.files.get().pk]),
        reverse("documents:outgoing_detail", args=[decision.pk]),
        reverse("documents:outgoing_file", args=[decision.pk, "ban-hanh"]),
        reverse("documents:outgoing_file", args=[decision.pk, "du-thao"]),
    ):
        assert stranger.get(url).status_code == 404, url
    for url in (
        reverse("documents:incoming_assign", args=[letter.pk]),
        reverse("documents:outgoing_issue", args=[decision.pk]),
    ):
        assert stranger.post(url, {"handler": offices.so.specialist.pk}).status_code == 404, url
    assert "123/SNV-CCHC" not in stranger.get(reverse("documents:incoming")).content.decode()
    assert decision.symbol not in stranger.get(reverse("documents:outgoing")).content.decode()
    assert "123/SNV-CCHC" not in stranger.get(reverse("documents:incoming") + "?q=123").content.decode()
    # Citizens and the province monitor have no documents pages at all.
    for user in (CitizenFactory(), staff(Role.PROVINCE_MONITOR)):
        response = client_for(user).get(reverse("documents:incoming_detail", args=[letter.pk]))
        assert response.status_code in (302, 403) and b"123/SNV-CCHC" not in response.content


def test_a_classified_document_is_refused_on_the_form_and_nothing_is_written(offices):
    response = client_for(offices.ubnd.clerk).post(
        reverse("documents:incoming_create"),
        {
            "classification": "secret",
            "channel": "paper",
            "sender": "Bộ Công an",
            "number_symbol": "1/BCA-M",
            "issued_on": "2026-11-20",
            "document_type": kind("Công văn").pk,
            "excerpt": "Mật",
            "urgency": "normal",
            "files": [scan()],
        },
    )
    assert response.status_code == 400 and "Văn bản mật không được đăng ký" in response.content.decode()
    assert not IncomingDocument.objects.exists()


@pytest.mark.parametrize(
    "query", ["year=abc", "page=-1", "document_type=999999", "state=<script>", "q=" + "x" * 300, "year=1&overdue=maybe"]
)
def test_hostile_filters_get_a_form_error_not_a_server_error(offices, query):
    client = client_for(offices.ubnd.clerk)
    for name in ("documents:incoming", "documents:outgoing", "documents:incoming_export"):
        response = client.get(f"{reverse(name)}?{query}")
        assert response.status_code in (200, 400), (name, query)
        assert b"<script>" not in response.content


def test_the_register_search_ignores_diacritics(offices):
    o = offices.ubnd
    incoming.register_incoming(o.clerk, entry(excerpt="Về việc tăng cường quản lý đất đai"), files=[scan()])
    incoming.register_incoming(
        o.clerk, entry(excerpt="Kế hoạch cải cách hành chính", number_symbol="9/KH-UBND"), files=[scan()]
    )
    page = client_for(o.clerk).get(reverse("documents:incoming") + "?q=quan+ly+dat+dai").content.decode()
    assert "quản lý đất đai" in page and "Kế hoạch cải cách" not in page
    page = client_for(o.clerk).get(reverse("documents:incoming") + "?q=9%2FKH").content.decode()
    assert "Kế hoạch cải cách" in page and "quản lý đất đai" not in page


def test_each_register_exports_to_excel_with_hostile_text_kept_as_text(offices):
    o = offices.ubnd
    incoming.register_incoming(o.clerk, entry(sender='=HYPERLINK("http://x","bấm")'), files=[scan()])
    issued(o, excerpt="=1+1")
    client = client_for(o.clerk)
    sheet = load_workbook(io.BytesIO(client.get(reverse("documents:incoming_export")).content)).active
    assert sheet["A2"].value == 1 and sheet["C2"].value == '=HYPERLINK("http://x","bấm")'
    assert sheet["C2"].data_type == "s"
    sheet = load_workbook(io.BytesIO(client.get(reverse("documents:outgoing_export")).content)).active
    assert sheet["A2"].value == "01/QĐ-UBND" and sheet["C2"].value == "Quyết định: =1+1"
    assert sheet["C2"].data_type == "s"


def test_the_public_verification_page_shows_both_signatures_of_an_issued_document(offices, client):
    decision = issued(offices.ubnd)
    with decision.issued_pdf.open("rb") as handle:
        pdf = handle.read()
    upload = scan()
    upload.file = io.BytesIO(pdf)
    upload.size = len(pdf)
    page = client.post(reverse("citizens:verify"), {"document": upload}).content.decode()
    assert "Các chữ ký số đều hợp lệ" in page and page.count("Hợp lệ") == 2
    assert decision.symbol in page
    tampered = io.BytesIO(pdf.replace(b"(ReportLab PDF Library", b"(Reportlab PDF Library", 1))
    upload = scan()
    upload.file, upload.size = tampered, len(pdf)
    page = client.post(reverse("citizens:verify"), {"document": upload}).content.decode()
    assert "KHÔNG hợp lệ" in page and "Các chữ ký số đều hợp lệ" not in page


def test_the_province_dashboard_shows_overdue_incoming_documents_beside_overdue_dossiers(offices, time_machine):
    import datetime as dt

    from django.utils import timezone

    time_machine.move_to(local(2026, 11, 27, 9, 0))
    o = offices.ubnd
    late = incoming.register_incoming(o.clerk, entry(answer_due=dt.date(2026, 11, 25)), files=[scan()])
    assert late.answer_due < timezone.localdate()
    page = client_for(staff(Role.PROVINCE_MONITOR)).get(reverse("backoffice:dashboard")).content.decode()
    assert "văn bản đến quá hạn xử lý" in page
    assert ">1</strong> văn bản đến quá hạn xử lý" in page.replace("\n", "")


@pytest.mark.parametrize(
    "field, value",
    [
        ("issued_on", "2026-02-30"),
        ("issued_on", "99999-01-01"),
        ("answer_due", "0000-00-00"),
        ("document_type", "99999999999999999999"),
    ],
)
def test_impossible_dates_and_ids_on_the_register_form_get_a_message_and_write_nothing(offices, field, value):
    data = {
        "classification": "none",
        "channel": "paper",
        "sender": "Sở Nội vụ",
        "number_symbol": "1/SNV",
        "issued_on": "2026-11-20",
        "document_type": kind("Công văn").pk,
        "excerpt": "x",
        "urgency": "normal",
        "files": [scan()],
        field: value,
    }
    response = client_for(offices.ubnd.clerk).post(reverse("documents:incoming_create"), data)
    assert response.status_code == 400 and 'class="errorlist' in response.content.decode()
    assert not IncomingDocument.objects.exists()
