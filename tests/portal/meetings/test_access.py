"""Access tried by URL: a delegate of another meeting, an expired or replaced QR code, another
delegate's notes, an organiser's export, a second factor the setting asks for."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Annotation, AnnotationKind, Meeting
from meetings.services import documents
from tests.factories import sign_in_verified
from tests.meetings.factories import pdf, session


@pytest.fixture
def other(db):
    return session(name="Đồng Hỷ")


def pages_of(council):
    m, d = council.meeting.pk, council.draft
    version = d.current
    return [
        reverse("meetings:room", args=[m]),
        reverse("meetings:archive", args=[m]),
        reverse("meetings:document", args=[m, d.pk]),
        reverse("meetings:version_file", args=[m, d.pk, 1]),
        reverse("meetings:annotations", args=[m, version.pk]),
        reverse("meetings:export_notes", args=[m]),
        reverse("meetings:export_comments", args=[m, d.pk]),
        reverse("meetings:manage", args=[m]),
    ]


def test_a_delegate_of_another_meeting_is_refused_everywhere(client, council, other):
    client.force_login(other.delegates[0])
    for url in pages_of(council):
        response = client.get(url)
        assert response.status_code == 403, url
    for name, args in (
        ("meetings:speak", []),
        ("meetings:open_motion", []),
        ("meetings:split", []),
        ("meetings:comment", [council.draft.pk]),
        ("meetings:sign_minutes", []),
    ):
        response = client.post(
            reverse(name, args=[council.meeting.pk, *args]),
            {"topic": "x", "title": "x", "count": 1, "text": "x", "conclusions": "x"},
        )
        assert response.status_code == 403, name
    assert not council.draft.comments.exists() and not council.meeting.motions.exists()


def test_a_document_of_another_meeting_under_this_meetings_url_is_not_found(client, council, other):
    client.force_login(council.delegates[0])
    response = client.get(reverse("meetings:document", args=[council.meeting.pk, other.draft.pk]))
    assert response.status_code == 404
    response = client.get(reverse("meetings:version_file", args=[council.meeting.pk, other.draft.pk, 1]))
    assert response.status_code == 404


def test_another_delegates_notes_are_neither_read_nor_deleted(client, council):
    version = council.draft.current
    note = documents.annotate(council.delegates[0], version, kind=AnnotationKind.NOTE, page=1, text="Riêng tôi")
    client.force_login(council.delegates[1])
    url = reverse("meetings:annotations", args=[council.meeting.pk, version.pk])
    assert client.get(url).json() == {"notes": []}
    response = client.post(reverse("meetings:delete_annotation", args=[council.meeting.pk, note.pk]))
    assert response.status_code == 404 and Annotation.objects.filter(pk=note.pk).exists()
    export = client.get(reverse("meetings:export_notes", args=[council.meeting.pk])).content.decode()
    assert "Riêng tôi" not in export
    client.force_login(council.delegates[0])
    assert [n["text"] for n in client.get(url).json()["notes"]] == ["Riêng tôi"]
    assert "Riêng tôi" in client.get(reverse("meetings:export_notes", args=[council.meeting.pk])).content.decode()


def test_the_qr_code_opens_public_documents_only_and_stops_after_the_meeting(client, council):
    meeting = council.meeting
    public = documents.add_document(
        council.secretary,
        council.item,
        kind="reference",
        title="Báo cáo công khai",
        upload=pdf("bao-cao.pdf"),
        is_public=True,
    )
    public_url = reverse("meetings:version_file", args=[meeting.pk, public.pk, 1])
    private_url = reverse("meetings:version_file", args=[meeting.pk, council.draft.pk, 1])
    assert client.get(public_url).status_code == 403  # without the code, nothing
    response = client.get(reverse("meetings:qr", args=[meeting.qr_key]))
    assert response.status_code == 200 and "Báo cáo công khai" in response.content.decode()
    assert "Dự thảo Nghị quyết" not in response.content.decode().split("Tài liệu công khai")[1]
    assert client.get(public_url).status_code == 200
    assert client.get(private_url).status_code == 403
    assert client.get(reverse("meetings:room", args=[meeting.pk])).status_code == 302  # to the sign-in
    old_key = meeting.qr_key
    Meeting.objects.filter(pk=meeting.pk).update(ends_at=timezone.now() - dt.timedelta(minutes=1))
    response = client.get(reverse("meetings:qr", args=[old_key]))
    assert response.status_code == 410 and "không còn hiệu lực" in response.content.decode()
    assert client.get(public_url).status_code == 403  # the code opened before no longer reads either
    assert client.get(reverse("meetings:qr", args=["khong-co-ma-nay"])).status_code == 410


def test_a_renewed_code_replaces_the_printed_one(client, council):
    old = council.meeting.qr_key
    sign_in_verified(client, council.secretary)
    client.post(reverse("meetings:renew_qr", args=[council.meeting.pk]))
    client.logout()
    assert client.get(reverse("meetings:qr", args=[old])).status_code == 410


def test_checking_in_is_a_post_with_the_door_code_of_the_minute(client, council, other):
    from django.test import Client

    from meetings.services import attendance

    code = attendance.door_code(council.meeting)
    url = reverse("meetings:check_in", args=[council.meeting.pk, code])
    client.force_login(other.delegates[0])
    assert client.post(url).status_code == 403
    client.force_login(council.delegates[0])
    seat = council.meeting.participants.get(user=council.delegates[0])
    assert "Xác nhận có mặt" in client.get(url).content.decode()  # a link (or another site) checks no one in
    seat.refresh_from_db()
    assert seat.checked_in_at is None
    response = client.post(reverse("meetings:check_in", args=[council.meeting.pk, council.meeting.qr_key]))
    assert response.status_code == 403 and "hết hạn" in response.content.decode()  # the invitation's key
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(council.delegates[0])
    assert forged.post(url).status_code == 403  # a cross-site form has no CSRF token
    response = client.post(url, follow=True)
    assert "Đã điểm danh lúc" in response.content.decode()
    assert client.get("/hop/qr/%00/").status_code == 404  # a NUL never reaches the database


def test_the_door_screen_is_the_organisers(client, council):
    client.force_login(council.delegates[0])
    assert client.get(reverse("meetings:door", args=[council.meeting.pk])).status_code == 403
    sign_in_verified(client, council.secretary)
    response = client.get(reverse("meetings:door", args=[council.meeting.pk]))
    assert response.status_code == 200 and "data:image/png;base64," in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_organisers_pass_the_second_factor_and_delegates_when_the_setting_says(client, council, settings):
    client.force_login(council.secretary)
    response = client.get(reverse("meetings:manage", args=[council.meeting.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/can-bo/xac-thuc/")
    client.force_login(council.delegates[0])
    assert client.get(reverse("meetings:room", args=[council.meeting.pk])).status_code == 200
    settings.MEETINGS_DELEGATE_SECOND_FACTOR = True
    response = client.get(reverse("meetings:room", args=[council.meeting.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/can-bo/xac-thuc/")
    sign_in_verified(client, council.delegates[0])
    assert client.get(reverse("meetings:room", args=[council.meeting.pk])).status_code == 200


def test_only_organisers_export_the_comments(client, council):
    documents.comment(council.delegates[0], council.draft, text='=HYPERLINK("http://x")', page=1)
    client.force_login(council.chair)
    assert (
        client.get(reverse("meetings:export_comments", args=[council.meeting.pk, council.draft.pk])).status_code == 403
    )
    sign_in_verified(client, council.secretary)
    response = client.get(reverse("meetings:export_comments", args=[council.meeting.pk, council.draft.pk]))
    body = response.content.decode("utf-8-sig")
    assert response.status_code == 200 and "'=HYPERLINK" in body  # never a formula in the drafting unit's sheet


def test_hostile_annotation_values_get_a_message_and_store_nothing(client, council):
    client.force_login(council.delegates[0])
    url = reverse("meetings:annotations", args=[council.meeting.pk, council.draft.current.pk])
    for data in (
        {"kind": "highlight", "page": "1", "rects": "not json"},
        {"kind": "drop table", "page": "1"},
        {"kind": "note", "page": "-3", "text": "x"},
        {"kind": "note", "page": "1", "text": "x" * 5000},
        {"kind": "highlight", "page": "1", "rects": json.dumps([{"x": 1e308, "y": 0, "w": 1, "h": 1}])},
        {"kind": "highlight", "page": "1", "rects": json.dumps({"x": 1})},
    ):
        response = client.post(url, data)
        assert response.status_code == 400 and response.json()["error"], data
    assert not Annotation.objects.exists()
