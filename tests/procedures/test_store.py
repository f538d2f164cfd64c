"""The citizen's electronic data store (issue 39): what enters it, what may be taken from it, by whom."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from government.signing import check_signatures
from national_sync.models import OutboxMessage
from procedures import services
from procedures.exceptions import PermissionDenied, TransitionNotAllowed
from procedures.models import AgencyMonthlyStat, DossierDocument, StoredDocument, StoreSource
from procedures.selectors import offered_for, store_of
from procedures.services import filing, store
from tests.factories import DocumentKindFactory, issued_result, local, needing
from tests.uploads import pdf

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 6)


def _draft(world, procedure, citizen=None):
    citizen = citizen or world.citizen
    dossier, _message = filing.start_online(citizen, procedure, world.commune_agency, consent=False)
    filing.update_draft(dossier, citizen, applicant_phone="0912345678")
    return dossier


def test_a_result_handed_over_enters_the_applicants_store_signed_and_numbered(verified):
    dossier = issued_result(verified)
    item = StoredDocument.objects.get(dossier=dossier)
    assert item.source == StoreSource.RESULT and item.personal_id == "019090001234"
    assert item.number.endswith("/UBND") or "/" in item.number  # the outgoing register's number and symbol
    assert item.issuer == verified.commune_agency and item.issuer_name == verified.commune_agency.name
    assert item.issued_on == dt.date(2026, 11, 2) and item.valid_until is None
    assert item.result_file.verification_token is not None
    with item.file.open("rb") as handle:
        checks = check_signatures(handle.read())
    assert checks and all(check.valid for check in checks) and item.signed_by
    # a second hand-over (re-run) keeps one copy
    assert store.keep_results(dossier, local(2026, 11, 3, 8, 0)) == []


def test_an_issued_result_is_never_removed(verified):
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    with pytest.raises(TransitionNotAllowed):
        store.remove(verified.citizen, item.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        StoredDocument.objects.filter(pk=item.pk).update(removed_at=local(2026, 12, 1, 8, 0))


def test_a_paper_of_the_store_is_attached_without_an_upload_and_counted_as_reuse(verified, settings):
    settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, "ENABLED": True}
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    procedure, document = needing(verified, item.kind)
    draft = _draft(verified, procedure)
    assert offered_for(draft.applicant_personal_id, [document], on=TODAY) == {document.pk: [item]}
    attached = store.reuse(draft, verified.citizen, document, item.pk, at=local(2026, 12, 6, 9, 0))
    assert attached.stored_document == item and attached.file.name == item.file.name and attached.sha256 == item.sha256
    assert attached.digitisation == "3"  # reused from another dossier's result (DOMAIN §12)
    filing.attach_document(draft, verified.citizen, procedure.required_documents.get(order=1), pdf())
    filing.submit_online(draft, verified.citizen, at=local(2026, 12, 6, 9, 5))
    services.receive(draft, verified.xa_motcua, at=local(2026, 12, 7, 8, 0))
    row = AgencyMonthlyStat.objects.get(agency=verified.commune_agency, month=dt.date(2026, 12, 1))
    assert (row.received, row.reused) == (1, 1)
    # the national portal hears each document's digitisation state (DOMAIN §12)
    sent = OutboxMessage.objects.get(dossier=draft, event__action="receive").payload["TaiLieuNop"]
    assert sorted((d["MaThanhPhanHoSo"][-2:], d["DuocSoHoa"], d["DuocTaiSuDung"]) for d in sent) == [
        (".1", True, False),
        (".2", True, True),
    ]


def test_another_citizens_paper_cannot_be_attached(verified):
    theirs = StoredDocument.objects.get(dossier=issued_result(verified, citizen=verified.other_citizen))
    procedure, document = needing(verified, theirs.kind)
    draft = _draft(verified, procedure)
    assert offered_for(draft.applicant_personal_id, [document], on=TODAY) == {}
    with pytest.raises(PermissionDenied):
        store.reuse(draft, verified.citizen, document, theirs.pk)
    # nor through another person's draft
    with pytest.raises(PermissionDenied):
        store.reuse(_draft(verified, procedure, verified.other_citizen), verified.citizen, document, theirs.pk)
    assert not DossierDocument.objects.filter(stored_document=theirs).exists()


def test_an_expired_paper_is_not_offered_nor_taken(verified):
    kind = DocumentKindFactory(code="xac-nhan-hon-nhan", name="Giấy xác nhận tình trạng hôn nhân", validity_months=6)
    item = StoredDocument.objects.get(dossier=issued_result(verified, kind=kind, at=local(2026, 5, 4, 8, 0)))
    assert item.valid_until == dt.date(2026, 11, 4)
    procedure, document = needing(verified, kind)
    draft = _draft(verified, procedure)
    assert offered_for(draft.applicant_personal_id, [document], on=dt.date(2026, 11, 4)) == {document.pk: [item]}
    assert offered_for(draft.applicant_personal_id, [document], on=TODAY) == {}
    with pytest.raises(TransitionNotAllowed, match="hết thời hạn"):
        store.reuse(draft, verified.citizen, document, item.pk, at=local(2026, 12, 6, 9, 0))
    assert not draft.documents.exists()


def test_a_paper_of_another_kind_is_refused(verified):
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    procedure, document = needing(verified, DocumentKindFactory(code="giay-phep-xay-dung", name="Giấy phép xây dựng"))
    with pytest.raises(TransitionNotAllowed, match="không phải loại"):
        store.reuse(_draft(verified, procedure), verified.citizen, document, item.pk)


def test_a_removed_upload_leaves_the_store_but_not_the_dossiers_that_used_it(
    verified, django_capture_on_commit_callbacks
):
    kind = DocumentKindFactory()
    item = store.add_upload(verified.citizen, kind, pdf("khai-sinh-cua-con.pdf"), at=local(2026, 12, 1, 8, 0))
    assert item.source == StoreSource.UPLOAD and item.removable and item.signed_by == ""
    procedure, document = needing(verified, kind)
    draft = _draft(verified, procedure)
    used = store.reuse(draft, verified.citizen, document, item.pk)
    filing.attach_document(draft, verified.citizen, procedure.required_documents.get(order=1), pdf())
    filing.submit_online(draft, verified.citizen)

    store.remove(verified.citizen, item.pk)
    assert list(store_of("019090001234")) == []
    used.refresh_from_db()
    with used.file.open("rb") as handle:  # the dossier's copy is whole
        assert handle.read().startswith(b"%PDF")
    # an upload no dossier used goes with its file
    lone = store.add_upload(verified.citizen, kind, pdf("ban-khac.pdf"))
    name = lone.file.name
    with pytest.raises(PermissionDenied):
        store.remove(verified.other_citizen, lone.pk)
    with django_capture_on_commit_callbacks(execute=True):
        store.remove(verified.citizen, lone.pk)
    assert not lone.file.storage.exists(name)


def test_removing_a_reused_paper_from_a_draft_keeps_the_stores_file(verified):
    kind = DocumentKindFactory()
    item = store.add_upload(verified.citizen, kind, pdf())
    procedure, document = needing(verified, kind)
    draft = _draft(verified, procedure)
    used = store.reuse(draft, verified.citizen, document, item.pk)
    filing.remove_document(draft, verified.citizen, used.pk)
    assert item.file.storage.exists(item.file.name)


def test_an_unconfirmed_account_has_no_store_to_use(world):
    kind = DocumentKindFactory()
    assert store.owner_of_store(world.citizen) is None  # a password account could type anyone's ID
    with pytest.raises(PermissionDenied):
        store.add_upload(world.citizen, kind, pdf())


def test_data_the_registry_confirms_is_not_asked_for(verified, registry):
    procedure, document = needing(verified, DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước"))
    document.waived_when_identity_verified = True
    document.save()
    draft, _message = filing.start_online(verified.citizen, procedure, verified.commune_agency, consent=True)
    assert draft.identity_status == "verified"
    filing.update_draft(draft, verified.citizen, applicant_phone="0912345678")
    filing.attach_document(draft, verified.citizen, procedure.required_documents.get(order=1), pdf())
    assert filing.problems_before_submission(draft) == []
    # without the registry's confirmation it is asked for
    unconfirmed = _draft(verified, procedure)
    filing.attach_document(unconfirmed, verified.citizen, procedure.required_documents.get(order=1), pdf())
    assert [p.field for p in filing.problems_before_submission(unconfirmed)] == [f"file-{document.pk}"]
