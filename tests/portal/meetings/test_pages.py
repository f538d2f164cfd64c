"""The organiser prepares a meeting through the pages; bad input leaves everything as it was."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from government.models import Role
from meetings.models import Meeting, MeetingDocument
from tests.factories import AgencyFactory, sign_in_verified, staff
from tests.meetings.factories import delegate, pdf, present


@pytest.fixture
def secretary(db):
    return staff(Role.MEETING_SECRETARY, AgencyFactory(), username="thuky")


def test_an_organiser_prepares_a_meeting(client, secretary):
    sign_in_verified(client, secretary)
    response = client.post(
        reverse("meetings:create"),
        {
            "title": "Kỳ họp thứ 5",
            "place": "Hội trường",
            "starts_at": "2026-12-10T07:30",
            "ends_at": "2026-12-10T07:00",
        },
    )
    assert response.status_code == 400 and "phải sau giờ bắt đầu" in response.content.decode()
    assert not Meeting.objects.exists()
    response = client.post(
        reverse("meetings:create"),
        {
            "title": "Kỳ họp thứ 5",
            "place": "Hội trường",
            "starts_at": "2026-12-10T07:30",
            "ends_at": "2026-12-11T17:00",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:manage", args=[meeting.pk])
    client.post(reverse("meetings:add_item", args=[meeting.pk]), {"title": "Báo cáo kinh tế - xã hội"})
    item = meeting.items.get()
    people = [delegate("daibieu1"), delegate("daibieu2")]
    client.post(
        reverse("meetings:add_people", args=[meeting.pk]), {"role": "delegate", "people": [p.pk for p in people]}
    )
    assert meeting.participants.filter(role="delegate").count() == 2

    forged = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(
        reverse("meetings:add_document", args=[meeting.pk]),
        {"item": item.pk, "kind": "main", "title": "Báo cáo", "file": forged},
        follow=True,
    )
    assert "không phải tệp PDF, JPEG hoặc PNG hợp lệ" in response.content.decode()
    assert not MeetingDocument.objects.exists()
    client.post(
        reverse("meetings:add_document", args=[meeting.pk]),
        {"item": item.pk, "kind": "main", "title": "Báo cáo", "file": pdf()},
    )
    document = MeetingDocument.objects.get()
    response = client.post(
        reverse("meetings:replace_document", args=[meeting.pk, document.pk]),
        {"file": pdf(), "change_note": "Sửa số liệu thu ngân sách"},
        follow=True,
    )
    assert "Đã thay tài liệu bằng phiên bản mới" in response.content.decode()
    assert document.current.number == 2
    assert client.get(reverse("meetings:qr_image", args=[meeting.pk])).content.startswith(b"\x89PNG")

    client.force_login(people[0])
    room = client.get(reverse("meetings:room", args=[meeting.pk])).content.decode()
    assert "Đã thay: phiên bản 2" in room
    reader = client.get(reverse("meetings:document", args=[meeting.pk, document.pk])).content.decode()
    assert "Bản hiện hành: phiên bản 2" in reader and "Sửa số liệu thu ngân sách" in reader
    old = client.get(reverse("meetings:document", args=[meeting.pk, document.pk]) + "?v=1").content.decode()
    assert "Bản cũ: phiên bản 1" in old
    for hostile in ("?v=abc", "?v=99", "?v=%00"):
        assert client.get(reverse("meetings:document", args=[meeting.pk, document.pk]) + hostile).status_code == 200
    file = client.get(reverse("meetings:version_file", args=[meeting.pk, document.pk, 2]))
    assert file["Content-Type"] == "application/pdf" and "no-store" in file["Cache-Control"]


def test_a_delegate_sees_no_organiser_page_and_a_secretary_lands_on_the_meetings(client, secretary, council):
    client.force_login(council.delegates[0])
    assert client.get(reverse("meetings:manage", args=[council.meeting.pk])).status_code == 403
    assert client.get(reverse("meetings:create")).status_code == 403
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": council.delegates[0].username, "password": "MotCua@2026"}
    )
    assert response["Location"] == "/hop/"
    sign_in_verified(client, secretary)
    assert client.get("/can-bo/")["Location"] == reverse("meetings:list")


def test_the_vote_form_refuses_an_absent_delegate_a_second_ballot_and_a_made_up_choice(client, council):
    from meetings.services import floor

    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua")
    client.force_login(council.delegates[0])
    url = reverse("meetings:vote", args=[council.meeting.pk, motion.pk])
    response = client.post(url, {"choice": "for"}, follow=True)  # not checked in yet
    assert "chưa điểm danh" in response.content.decode() and not motion.ballots.exists()
    present(council, council.delegates[0])
    response = client.post(url, {"choice": "yes please"}, follow=True)
    assert "Biểu quyết:" in response.content.decode() and not motion.ballots.exists()
    client.post(url, {"choice": "for"})
    response = client.post(url, {"choice": "against"}, follow=True)
    assert "đã biểu quyết nội dung này" in response.content.decode()
    assert list(motion.ballots.values_list("choice", flat=True)) == ["for"]


def test_a_delegate_following_a_long_session_is_not_signed_out_as_idle_staff(client, council, settings):
    import time

    client.force_login(council.delegates[0])
    room = reverse("meetings:room", args=[council.meeting.pk])
    client.get(room)
    session = client.session
    session["staff_seen"] = int(time.time()) - (settings.STAFF_SESSION_IDLE_MINUTES + 60) * 60
    session.save()
    assert client.get(room).status_code == 200
