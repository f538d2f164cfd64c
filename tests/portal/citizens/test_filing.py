import io

import pytest
from django.core import mail
from pypdf import PdfReader

from citizen_registry_adapter.errors import RegistryUnavailable
from procedures.models import Dossier, DossierState, IdentityStatus
from procedures.services.identity import verify_pending_identities
from sms_adapter.memory import MemorySmsGateway
from tests.uploads import disguised, jpeg, pdf, png

pytestmark = pytest.mark.django_db

CONTACT = {
    "applicant_phone": "0912345678",
    "applicant_email": "an@example.vn",
    "applicant_address": "Hương Sơn",
    "result_delivery": "online",
    "delivery_address": "",
}


def start(client, world, consent=True, procedure=None):
    procedure = procedure or world.simple
    data = {"agency": world.commune_agency.pk, **({"consent": "on"} if consent else {})}
    response = client.post(f"/nop-ho-so/{procedure.pk}/", data, follow=True)
    assert response.status_code == 200
    return Dossier.objects.filter(applicant=world.citizen).latest("created_at"), response


def file_input(dossier, index=0):
    return f"file-{list(dossier.procedure.required_documents.all())[index].pk}"


def test_with_consent_the_identity_comes_from_the_registry(citizen_client, world, registry):
    dossier, response = start(citizen_client, world)
    assert dossier.state == DossierState.DRAFT
    assert dossier.applicant_name == "Nguyễn Văn An"
    assert str(dossier.applicant_date_of_birth) == "1990-05-12"
    assert "Thị trấn Hương Sơn, Huyện Phú Bình" in dossier.applicant_address
    assert dossier.identity_status == IdentityStatus.VERIFIED
    assert dossier.registry_consent_at is not None
    assert "với sự đồng ý của bạn" in response.content.decode()


def test_without_consent_the_registry_is_not_asked(citizen_client, world, registry):
    calls = registry.calls
    dossier, _ = start(citizen_client, world, consent=False)
    assert registry.calls == calls
    assert dossier.identity_status == IdentityStatus.NOT_VERIFIED and dossier.registry_consent_at is None


def test_the_whole_journey_upload_review_submit_receipt_and_notifications(
    citizen_client, world, registry, django_capture_on_commit_callbacks
):
    dossier, _ = start(citizen_client, world)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**CONTACT, file_input(dossier): [png(), pdf()]})
    assert response.status_code == 302
    assert [d.content_type for d in dossier.documents.all()] == ["image/png", "application/pdf"]
    assert citizen_client.get("/ho-so/").context["page_obj"].object_list[0] == dossier  # the draft is kept

    review = citizen_client.get(f"/ho-so/{dossier.pk}/xem-lai/")
    assert review.context["problems"] == []
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/", follow=True)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED and dossier.code.startswith("000.01.21.H98-")
    assert dossier.code in response.content.decode()
    submit = dossier.events.get(action="submit")
    assert [d["sha256"] for d in submit.data["documents"]] == [d.sha256 for d in dossier.documents.all()]

    assert mail.outbox[-1].to == ["an@example.vn"] and dossier.code in mail.outbox[-1].subject
    assert MemorySmsGateway.outbox[-1][0] == "0912345678" and "dự kiến" in MemorySmsGateway.outbox[-1][1]

    receipt = citizen_client.get(f"/ho-so/{dossier.pk}/giay-tiep-nhan.pdf")
    assert receipt["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text()
    assert dossier.code in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Nguyễn Văn An" in text and "019******234" in text and "dự kiến" in text


def test_a_mistake_keeps_what_was_typed_and_what_was_uploaded(citizen_client, world, registry):
    dossier, _ = start(citizen_client, world)
    response = citizen_client.post(
        f"/ho-so/{dossier.pk}/soan/",
        {
            **CONTACT,
            "applicant_phone": "12345",
            "result_delivery": "post",
            "delivery_address": "",
            file_input(dossier): [jpeg("mặt trước.jpg"), disguised("mặt sau.pdf")],
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "10 chữ số" in " ".join(form.errors["applicant_phone"])
    assert "địa chỉ" in " ".join(form.errors["delivery_address"])
    assert form["applicant_email"].value() == "an@example.vn"
    body = response.content.decode()
    assert "“mặt sau.pdf” không phải tệp PDF, JPEG hoặc PNG" in body
    assert [d.name for d in dossier.documents.all()] == ["mặt_trước.jpg"]  # the good file is kept
    assert "mặt_trước.jpg" in body


def test_a_draft_missing_a_document_cannot_be_submitted(citizen_client, world, registry):
    dossier, _ = start(citizen_client, world)
    citizen_client.post(f"/ho-so/{dossier.pk}/soan/", CONTACT)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/")
    assert response.status_code == 400
    assert "Chưa tải lên: Tờ khai." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT and dossier.code is None


def test_a_file_can_be_removed_from_a_draft_only(citizen_client, world, registry):
    dossier, _ = start(citizen_client, world)
    citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**CONTACT, file_input(dossier): [png(), png("b.png")]})
    first, second = dossier.documents.all()
    citizen_client.post(f"/ho-so/{dossier.pk}/xoa-tep/{first.pk}/")
    assert list(dossier.documents.all()) == [second]
    citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/")
    citizen_client.post(f"/ho-so/{dossier.pk}/xoa-tep/{second.pk}/")
    assert list(dossier.documents.all()) == [second]  # submitted: fixed


def test_a_registry_outage_lets_the_citizen_file_and_the_retry_verifies_later(
    citizen_client, world, registry, django_capture_on_commit_callbacks
):
    registry.failure = RegistryUnavailable(reason="down")
    dossier, response = start(citizen_client, world)
    assert "tạm thời không phản hồi" in response.content.decode()
    assert dossier.identity_status == IdentityStatus.NOT_VERIFIED
    citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**CONTACT, file_input(dossier): [png()]})
    with django_capture_on_commit_callbacks(execute=True):
        citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    assert dossier.identity_status == IdentityStatus.NOT_VERIFIED
    registry.failure = None
    verify_pending_identities()
    dossier.refresh_from_db()
    assert dossier.identity_status == IdentityStatus.VERIFIED


def test_an_agency_that_does_not_receive_the_procedure_is_refused(citizen_client, world, registry):
    response = citizen_client.post(f"/nop-ho-so/{world.simple.pk}/", {"agency": world.district_agency.pk})
    assert response.status_code == 400
    assert not Dossier.objects.exists()
