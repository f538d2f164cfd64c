"""The citizen's store at the one-stop desk (issue 39): the officer reads it with a legal ground (logged),
takes papers from it instead of scanning, sees where a reused paper comes from, and keeps a scan as a
signed reusable copy; the dashboard counts the reuse."""

import datetime as dt

import pytest

from citizen_registry_adapter.synthetic import population
from government.signing import check_signatures
from privacy.models import AccessLogEntry
from procedures.models import AgencyMonthlyStat, Dossier, PendingUpload, StoredDocument, StoreSource
from procedures.services import filing, store
from procedures.services.lifecycle import discard_draft
from reporting import selectors as reads
from tests.factories import DocumentKindFactory, issued_result, local, needing, walk_in
from tests.portal.backoffice.test_intake_and_forms import _form_data
from tests.uploads import pdf
from tests.vneid_adapter.conftest import _fake_vneid, journey, vneid  # noqa: F401  (VNeID sign-in)

pytestmark = pytest.mark.django_db
GROUND = "Tiếp nhận hồ sơ thủ tục hành chính theo yêu cầu của công dân"


@pytest.fixture
def extract(world):
    """congdan1's birth extract, issued by the commune in November."""
    world.citizen.identity_verified_at = local(2026, 1, 1, 8, 0)
    world.citizen.save(update_fields=["identity_verified_at"])
    return StoredDocument.objects.get(dossier=issued_result(world))


def test_the_desk_reads_the_store_with_a_ground_and_takes_a_paper_instead_of_a_scan(
    staff_client, world, extract, time_machine
):
    time_machine.move_to(local(2026, 12, 7, 9, 0), tick=False)
    procedure, proof = needing(world, extract.kind)
    declaration = procedure.required_documents.get(order=1)
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{procedure.pk}/"
    page = xa.get(url)
    base = {**_form_data(page), "applicant_personal_id": "019090001234", "applicant_name": "Nguyễn Văn An"}

    no_ground = xa.post(url, {**base, "store_ground": "", "store_lookup": "1"})
    assert "Hãy nêu căn cứ tra cứu" in no_ground.content.decode() and not AccessLogEntry.objects.exists()

    looked = xa.post(url, {**base, "store_ground": GROUND, "store_lookup": "1"})
    rows = {c.required_document.pk: c for c, _errors, _eform in looked.context["rows"]}
    assert rows[proof.pk].offered == [extract] and extract.number in looked.content.decode()
    entry = AccessLogEntry.objects.get(what="store")
    assert (entry.officer, entry.subject_personal_id, entry.legal_ground, entry.dossier) == (
        world.xa_motcua,
        "019090001234",
        GROUND,
        None,
    )

    response = xa.post(
        url,
        {
            **_form_data(looked),
            "store_ground": GROUND,
            f"c{declaration.pk}-files": [pdf("to-khai.pdf")],
            f"c{proof.pk}-store": [str(extract.pk)],
            f"c{proof.pk}-received": "on",
            "file": "1",
        },
    )
    dossier = Dossier.objects.exclude(pk=extract.dossier_id).get()
    assert response["Location"] == f"/can-bo/ho-so/{dossier.pk}/"
    taken = dossier.documents.get(required_document=proof)
    assert taken.stored_document == extract and taken.file.name == extract.file.name
    assert AccessLogEntry.objects.filter(what="reuse", subject_personal_id="019090001234").exists()
    month = AgencyMonthlyStat.objects.get(agency=world.commune_agency, month=dossier.received_at.date().replace(day=1))
    assert (month.digitised, month.reused) == (1, 1)
    figures = reads.totals(reads.Scope(None, None), reads.Period(month.month, month.month))
    assert (figures.received, figures.reused, figures.reuse_rate) == (1, 1, 1.0)
    board = " ".join(staff_client("monitor").get("/can-bo/bao-cao/?tu=2026-12&den=2026-12").content.decode().split())
    assert "Dùng lại giấy tờ" in board and "(1)" in board and "Tỉ lệ dùng lại giấy tờ (%)" in board

    # the officer sees where it comes from, and that its signatures hold
    detail = " ".join(xa.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode().split())
    assert f"Cấp bởi {world.commune_agency.name}" in detail and f"Số {extract.number}" in detail
    assert "Chữ ký số hợp lệ" in detail and "Dùng lại kết quả đã cấp, không tải lên" in detail


def test_a_paper_of_another_person_cannot_be_taken_at_the_desk(staff_client, world, extract):
    procedure, proof = needing(world, extract.kind)
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{procedure.pk}/"
    base = {**_form_data(xa.get(url)), "applicant_name": "Trần Thị Bình", "store_ground": GROUND}
    # a forged tick for congdan1's paper on congdan2's form
    response = xa.post(url, {**base, "applicant_personal_id": "019195004321", f"c{proof.pk}-store": [str(extract.pk)]})
    assert "không có trong kho dữ liệu của người nộp" in response.content.decode()
    assert not PendingUpload.objects.exists()
    # held for congdan1, then the ID changed before filing: refused, nothing received
    xa.post(url, {**base, "applicant_personal_id": "019090001234", f"c{proof.pk}-store": [str(extract.pk)]})
    held = PendingUpload.objects.get()
    refused = xa.post(url, {**base, "batch": str(held.batch), "applicant_personal_id": "019195004321", "file": "1"})
    assert refused.status_code == 400 and "số định danh khác" in refused.content.decode()
    assert not Dossier.objects.exclude(pk=extract.dossier_id).exists()
    # dropping it leaves the store's file where it is
    xa.post(url, {**base, "batch": str(held.batch), f"c{proof.pk}-drop": [str(held.pk)]})
    assert not PendingUpload.objects.exists() and extract.file.storage.exists(extract.file.name)


def test_a_counter_scan_is_kept_as_a_signed_reusable_copy(staff_client, world):
    kind = DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước")
    world.simple.required_documents.get().kinds.add(kind)
    dossier = walk_in(world.simple, world.commune_agency, world.xa_motcua, scans=[pdf("can-cuoc.pdf")])
    document = dossier.documents.get()
    xa = staff_client("xa_motcua")
    page = xa.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "Ký số và lưu vào kho" in page
    assert xa.post(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/luu-kho/", {"kind": "999"}).status_code == 400
    response = xa.post(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/luu-kho/", {"kind": kind.pk})
    assert response.status_code == 302
    item = StoredDocument.objects.get()
    assert (item.source, item.personal_id, item.issuer, item.kind) == (
        StoreSource.DIGITISED,
        "019085000111",
        world.commune_agency,
        kind,
    )
    with item.file.open("rb") as handle:
        checks = check_signatures(handle.read())
    assert len(checks) == 1 and checks[0].valid and item.signed_by == world.commune_agency.name
    document.refresh_from_db()
    assert document.kept_as == item
    # once only; and not by a desk of another commune, nor by a specialist
    assert xa.post(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/luu-kho/", {"kind": kind.pk}).status_code == 404
    for name in ("xa2_motcua", "xa_chuyenvien"):
        answer = staff_client(name).post(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/luu-kho/", {"kind": kind.pk})
        assert answer.status_code == 404
    assert StoredDocument.objects.count() == 1


def test_the_walk_in_citizen_finds_the_kept_copy_at_their_first_vneid_sign_in(journey, world):
    """A person who never had an account: the desk keeps their scan; their first VNeID sign-in shows it."""
    person = next(r for pid, r in population().items() if pid not in ("019090001234", "019195004321"))
    kind = DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước")
    world.simple.required_documents.get().kinds.add(kind)
    dossier = walk_in(
        world.simple,
        world.commune_agency,
        world.xa_motcua,
        scans=[pdf("can-cuoc.pdf")],
        applicant_personal_id=person.personal_id,
        applicant_name=person.full_name,
    )
    store.keep_scan(dossier.documents.get(), world.xa_motcua, kind)
    journey.sign_in(personal_id=person.personal_id)
    page = journey.client.get("/kho-du-lieu/").content.decode()
    assert "Thẻ Căn cước" in page and world.commune_agency.name in page and "số hóa tại bộ phận một cửa" in page


def test_a_citizen_reuses_a_copy_kept_at_the_desk_online(world):
    kind = DocumentKindFactory(code="the-can-cuoc", name="Thẻ Căn cước")
    world.simple.required_documents.get().kinds.add(kind)
    dossier = walk_in(
        world.simple, world.commune_agency, world.xa_motcua, scans=[pdf()], applicant_personal_id="019090001234"
    )
    kept = store.keep_scan(dossier.documents.get(), world.xa_motcua, kind, at=local(2026, 11, 23, 9, 0))
    world.citizen.identity_verified_at = local(2026, 1, 1, 8, 0)
    world.citizen.save(update_fields=["identity_verified_at"])
    procedure, proof = needing(world, kind)
    draft, _message = filing.start_online(world.citizen, procedure, world.commune_agency, consent=False)
    used = store.reuse(draft, world.citizen, proof, kept.pk, at=local(2026, 12, 1, 9, 0))
    assert used.digitisation == "2"  # reused from another dossier's document (DOMAIN §12)
    discard_draft(draft)
    assert kept.file.storage.exists(kept.file.name)
    assert dt.date(2026, 11, 23) == kept.issued_on
