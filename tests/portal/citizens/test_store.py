""" "Kho dữ liệu của tôi" and "Dùng giấy tờ đã có" as a citizen sees them (issue 39), with the attacks
tried: another person's paper by URL and by a forged choice, an expired paper, an issued result's removal."""

import pytest
from django.urls import reverse

from privacy.models import AccessLogEntry
from procedures.models import StoredDocument
from procedures.pdf.receipt import render_receipt
from procedures.services import filing, store
from tests.factories import DocumentKindFactory, issued_result, local, needing
from tests.pdf_checks import text_of
from tests.uploads import disguised, pdf

pytestmark = pytest.mark.django_db


def _draft(world, procedure, citizen=None):
    citizen = citizen or world.citizen
    dossier, _message = filing.start_online(citizen, procedure, world.commune_agency, consent=False)
    filing.update_draft(dossier, citizen, applicant_phone="0912345678")
    return dossier


def test_the_store_lists_results_with_number_issuer_and_a_check(client, verified, time_machine):
    time_machine.move_to(local(2026, 12, 6, 9, 0), tick=False)
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    client.force_login(verified.citizen)
    page = client.get(reverse("citizens:store")).content.decode()
    assert item.number in page and verified.commune_agency.name in page and "02/11/2026" in page
    assert reverse("citizens:verify_token", args=[item.result_file.verification_token]) in page
    assert "Xóa khỏi kho" not in page  # an issued result has no remove button
    download = client.get(reverse("citizens:store_file", args=[item.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_another_persons_paper_does_not_exist_for_the_citizen(client, verified):
    theirs = StoredDocument.objects.get(dossier=issued_result(verified, citizen=verified.other_citizen))
    client.force_login(verified.citizen)
    assert theirs.number not in client.get(reverse("citizens:store")).content.decode()
    for name in ("citizens:store_file", "citizens:store_check"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    response = client.post(reverse("citizens:store_remove", args=[theirs.pk]), follow=True)
    assert "Không tìm thấy giấy tờ này" in response.content.decode()
    assert StoredDocument.objects.get(pk=theirs.pk).removed_at is None


def test_a_citizen_removes_their_upload_but_not_a_result(client, verified):
    result = StoredDocument.objects.get(dossier=issued_result(verified))
    client.force_login(verified.citizen)
    response = client.post(
        reverse("citizens:store"),
        {"kind": DocumentKindFactory().pk, "title": "Giấy khai sinh của con", "file": pdf("khai-sinh.pdf")},
        follow=True,
    )
    assert "Đã lưu “Giấy khai sinh của con”" in response.content.decode()
    upload = StoredDocument.objects.get(title="Giấy khai sinh của con")
    response = client.post(reverse("citizens:store_remove", args=[result.pk]), follow=True)
    assert "không xóa được" in response.content.decode()
    response = client.post(reverse("citizens:store_remove", args=[upload.pk]), follow=True)
    assert "Đã xóa “Giấy khai sinh của con”" in response.content.decode()
    assert StoredDocument.objects.get(pk=upload.pk).removed_at is not None
    assert "Giấy khai sinh của con" not in client.get(reverse("citizens:store")).content.decode()


def test_a_forged_upload_to_the_store_is_refused_and_nothing_is_kept(client, verified):
    client.force_login(verified.citizen)
    response = client.post(reverse("citizens:store"), {"kind": DocumentKindFactory().pk, "file": disguised()})
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert not StoredDocument.objects.exists()
    response = client.post(reverse("citizens:store"), {"kind": "999999", "file": pdf()})
    assert response.status_code == 400 and not StoredDocument.objects.exists()


def test_the_draft_offers_the_store_and_takes_a_choice_without_upload(client, verified, time_machine):
    time_machine.move_to(local(2026, 12, 6, 9, 0), tick=False)
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    procedure, document = needing(verified, item.kind)
    draft = _draft(verified, procedure)
    client.force_login(verified.citizen)
    page = client.get(reverse("citizens:draft", args=[draft.pk])).content.decode()
    assert "Dùng giấy tờ đã có" in page and f'name="reuse-{document.pk}"' in page and item.number in page
    client.post(reverse("citizens:draft", args=[draft.pk]), {f"reuse-{document.pk}": item.pk, "save": "1"})
    attached = draft.documents.get()
    assert attached.stored_document == item and attached.required_document == document
    entry = AccessLogEntry.objects.get(what="reuse")
    assert entry.dossier == draft and entry.subject_personal_id == "019090001234" and entry.legal_ground


def test_a_forged_choice_of_another_persons_paper_is_an_error_and_attaches_nothing(client, verified):
    theirs = StoredDocument.objects.get(dossier=issued_result(verified, citizen=verified.other_citizen))
    procedure, document = needing(verified, theirs.kind)
    draft = _draft(verified, procedure)
    client.force_login(verified.citizen)
    response = client.post(reverse("citizens:draft", args=[draft.pk]), {f"reuse-{document.pk}": theirs.pk})
    assert response.status_code == 400
    assert "không có trong kho dữ liệu của bạn" in response.content.decode()
    assert not draft.documents.exists()
    response = client.post(reverse("citizens:draft", args=[draft.pk]), {f"reuse-{document.pk}": "1 OR 1=1"})
    assert response.status_code == 400 and not draft.documents.exists()


def test_an_expired_paper_is_not_offered(client, verified, time_machine):
    time_machine.move_to(local(2026, 12, 6, 9, 0), tick=False)
    kind = DocumentKindFactory(code="xac-nhan-hon-nhan", name="Giấy xác nhận tình trạng hôn nhân", validity_months=6)
    item = StoredDocument.objects.get(dossier=issued_result(verified, kind=kind, at=local(2026, 5, 4, 8, 0)))
    procedure, document = needing(verified, kind)
    draft = _draft(verified, procedure)
    client.force_login(verified.citizen)
    page = client.get(reverse("citizens:draft", args=[draft.pk])).content.decode()
    assert "Dùng giấy tờ đã có" not in page
    response = client.post(reverse("citizens:draft", args=[draft.pk]), {f"reuse-{document.pk}": item.pk})
    assert response.status_code == 400 and not draft.documents.exists()
    assert "Hết hạn" in client.get(reverse("citizens:store")).content.decode()


def test_an_unconfirmed_account_is_told_to_sign_in_with_vneid(client, world):
    client.force_login(world.citizen)
    page = client.get(reverse("citizens:store")).content.decode()
    assert "đăng nhập bằng VNeID" in page and "Thêm giấy tờ của tôi" not in page


def test_the_receipt_says_why_a_document_was_not_asked_for(verified, registry):
    procedure, document = needing(verified, DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước"))
    document.name, document.waived_when_identity_verified = "Bản chụp thẻ Căn cước", True
    document.save()
    draft, _message = filing.start_online(verified.citizen, procedure, verified.commune_agency, consent=True)
    filing.update_draft(draft, verified.citizen, applicant_phone="0912345678")
    filing.attach_document(draft, verified.citizen, procedure.required_documents.get(order=1), pdf())
    filing.submit_online(draft, verified.citizen)
    text = text_of(render_receipt(draft, "http://testserver/tra-cuu/"))
    assert "Không yêu cầu nộp Bản chụp thẻ Căn cước" in " ".join(text.split())
    assert "Cơ sở dữ liệu quốc gia về dân cư" in " ".join(text.split())


def test_the_draft_page_says_the_waived_document_is_not_needed(client, verified, registry):
    procedure, document = needing(verified, DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước"))
    document.waived_when_identity_verified = True
    document.save()
    draft, _message = filing.start_online(verified.citizen, procedure, verified.commune_agency, consent=True)
    client.force_login(verified.citizen)
    page = client.get(reverse("citizens:draft", args=[draft.pk])).content.decode()
    assert "Không cần nộp" in page and f'name="file-{document.pk}"' not in page


def test_my_data_holds_the_store_and_who_read_it(client, verified):
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    store.looked_up(verified.xa_motcua, "019090001234", legal_ground="Tiếp nhận hồ sơ theo yêu cầu của công dân")
    client.force_login(verified.citizen)
    data = client.get(reverse("citizens:my_data_json")).json()
    assert [i["number"] for i in data["store"]] == [item.number]
    looked = [a for a in data["dossier_accesses"] if a["what"] == "store"]
    assert looked and looked[0]["legal_ground"] == "Tiếp nhận hồ sơ theo yêu cầu của công dân"
    page = client.get(reverse("citizens:my_data")).content.decode()
    assert "Tra cứu kho dữ liệu của công dân" in page and "Tiếp nhận hồ sơ theo yêu cầu" in page
    assert client.get(reverse("citizens:my_data_pdf")).status_code == 200
