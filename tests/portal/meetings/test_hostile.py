"""The meetings' routes with hostile values in every path argument, query parameter and form field, as
the people who get past the seat check (the sweep in tests/portal/test_hostile_input.py has no seat,
so it stops at the 403): never a 5xx, and the meeting still reads afterwards."""

from django.urls import reverse

from meetings.models import AnnotationKind
from meetings.services import attendance, documents, floor, meetings
from tests.factories import sign_in_verified
from tests.portal.test_hostile_input import HOSTILE, _concrete, _hostile_files, _parameter_names, _routes


def test_no_meeting_route_answers_5xx_to_hostile_values(client, council):
    group = meetings.split_into_groups(council.chair, council.meeting, 2)[0]
    note = documents.annotate(council.delegates[0], council.draft.current, kind=AnnotationKind.NOTE, page=1, text="x")
    speech = floor.request_to_speak(council.delegates[0], council.meeting, topic="Về vốn")
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua")
    ids = {
        "meeting_id": council.meeting.pk,
        "document_id": council.draft.pk,
        "number": 1,
        "version_id": council.draft.current.pk,
        "annotation_id": note.pk,
        "speech_id": speech.pk,
        "motion_id": motion.pk,
        "group_id": group.pk,
        "key": council.meeting.qr_key,
        "participant_id": council.meeting.participants.get(user=council.delegates[1]).pk,
        "code": attendance.door_code(council.meeting),
    }
    names = _parameter_names()
    routes = [r for r in _routes() if r.startswith("hop/")]
    failures = {}
    for user in (council.secretary, council.chair, council.delegates[0]):
        sign_in_verified(client, user)
        for route in routes:
            for url in _concrete(route, ids):
                hostile_path = url not in (route, next(_concrete(route, ids)))
                for value in HOSTILE[10:11] if hostile_path else HOSTILE:
                    for method in ("get", "post"):
                        payload = {name: value for name in names}
                        if method == "post":
                            payload.update(zip(("file", "files", "document"), _hostile_files()))
                        status = getattr(client, method)("/" + url, payload).status_code
                        if status >= 500:
                            failures.setdefault(
                                f"{user.username} {method.upper()} {route}", f"{url[:80]} {value[:30]!r}"
                            )
    assert not failures, "\n".join(f"{where}: {example}" for where, example in failures.items())
    client.force_login(council.delegates[0])
    assert client.get(reverse("meetings:room", args=[council.meeting.pk])).status_code == 200
