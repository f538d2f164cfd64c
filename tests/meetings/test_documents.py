import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from government.uploads import UploadRejected
from meetings.models import AnnotationKind, DocumentKind
from meetings.policy import NotAllowed, seat_of
from meetings.selectors import comments_for
from meetings.services import documents
from tests.meetings.factories import pdf
from tests.uploads import png


def test_a_replaced_document_has_a_new_current_version_and_keeps_the_old(council):
    draft = council.draft
    assert draft.current.number == 1
    with pytest.raises(NotAllowed, match="nội dung thay đổi"):
        documents.replace_document(council.secretary, draft, upload=pdf(), change_note="  ")
    version = documents.replace_document(
        council.secretary, draft, upload=pdf(text="Điều 3. Hiệu lực."), change_note="Bổ sung Điều 3"
    )
    draft.refresh_from_db()
    assert version.number == 2 and draft.current == version and draft.versions.count() == 2
    with pytest.raises(NotAllowed):  # only the organisers replace documents
        documents.replace_document(council.delegates[0], draft, upload=pdf(), change_note="Sửa")


def test_only_real_pdfs_and_links_with_an_address(council):
    with pytest.raises(UploadRejected, match="phải là tệp PDF"):
        documents.add_document(council.secretary, council.item, kind=DocumentKind.REFERENCE, title="Ảnh", upload=png())
    forged = SimpleUploadedFile("du-thao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(UploadRejected):
        documents.add_document(council.secretary, council.item, kind=DocumentKind.MAIN, title="Giả", upload=forged)
    with pytest.raises(NotAllowed, match="địa chỉ"):
        documents.add_document(council.secretary, council.item, kind=DocumentKind.LINK, title="Luật")
    link = documents.add_document(
        council.secretary, council.item, kind=DocumentKind.LINK, title="Luật", url="https://vbpl.vn/"
    )
    assert link.current is None and council.item.documents.count() == 2


def test_notes_belong_to_their_writer_and_their_version(council):
    version = council.draft.current
    reader = council.delegates[0]
    mark = documents.annotate(
        reader,
        version,
        kind=AnnotationKind.HIGHLIGHT,
        page=1,
        quote="đầu tư công",
        rects=[{"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.02}],
    )
    assert mark.rects == [{"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.02}]
    for rects in (
        [{"x": 2, "y": 0, "w": 0.1, "h": 0.1}],
        [{"x": "a"}],
        ["x"],
        [{"x": 0, "y": 0, "w": 0.1, "h": 0.1}] * 201,
    ):
        with pytest.raises(NotAllowed, match="Vùng đánh dấu"):
            documents.annotate(reader, version, kind=AnnotationKind.HIGHLIGHT, page=1, rects=rects)
    with pytest.raises(NotAllowed, match="chưa có nội dung"):
        documents.annotate(reader, version, kind=AnnotationKind.NOTE, page=1, text="  ")
    with pytest.raises(NotAllowed):  # someone else's note cannot be deleted
        documents.delete_annotation(council.delegates[1], mark)
    with pytest.raises(NotAllowed):  # nor can an outsider annotate
        from tests.meetings.factories import delegate

        documents.annotate(delegate("ngoai"), version, kind=AnnotationKind.NOTE, page=1, text="x")
    documents.delete_annotation(reader, mark)
    assert not version.annotations.exists()


def test_comments_reach_the_organisers_and_if_chosen_the_other_delegates(council):
    first, second = council.delegates[:2]
    private = documents.comment(first, council.draft, text="Chỉ gửi ban tổ chức", version=council.draft.current, page=1)
    shared = documents.comment(first, council.draft, text="Mọi người cùng xem", shared_with_delegates=True)
    seat = lambda user: seat_of(user, council.meeting)  # noqa: E731
    assert set(comments_for(seat(council.secretary), council.draft)) == {private, shared}
    assert set(comments_for(seat(council.chair), council.draft)) == {private, shared}
    assert set(comments_for(seat(first), council.draft)) == {private, shared}
    assert list(comments_for(seat(second), council.draft)) == [shared]
    with pytest.raises(NotAllowed):
        documents.comment(council.secretary, council.draft, text="Người tổ chức không góp ý")
