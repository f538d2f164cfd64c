"""Incoming documents: the clerk registers, the leader assigns, the handler reports and closes."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import selectors
from documents.models import (
    AssignmentRole,
    Channel,
    DocumentFile,
    IncomingDocument,
    IncomingState,
    Outcome,
    RegisterSequence,
)
from documents.policy import NotAllowed
from documents.services import incoming
from government.uploads import UploadRejected
from tests.documents.factories import entry, issued, scan
from tests.factories import local

pytestmark = pytest.mark.django_db


def test_the_clerk_registers_a_paper_letter_with_its_scan_and_the_next_number(offices):
    first = incoming.register_incoming(offices.ubnd.clerk, entry(), files=[scan()])
    second = incoming.register_incoming(offices.ubnd.clerk, entry(number_symbol="7/KH-UBND"), files=[scan()])
    assert (first.number, second.number, first.year) == (1, 2, 2026)
    assert first.state == IncomingState.REGISTERED and first.agency == offices.ubnd.agency
    stored = first.files.get()
    assert stored.content_type == "application/pdf" and stored.file.open("rb").read().startswith(b"%PDF")
    assert "ra soat thu tuc hanh chinh" in first.search_text  # folded for the search


def test_numbers_of_the_incoming_register_start_again_on_the_first_of_january(offices):
    clerk = offices.ubnd.clerk
    december = incoming.register_incoming(clerk, entry(received_at=local(2026, 12, 31, 16, 0)), files=[scan()])
    january = incoming.register_incoming(clerk, entry(received_at=local(2027, 1, 1, 8, 0)), files=[scan()])
    assert (december.year, january.year, january.number) == (2026, 2027, 1)


@pytest.mark.parametrize(
    "problem, call",
    [
        ("classified", lambda o: incoming.register_incoming(o.clerk, entry(), files=[scan()], classified=True)),
        ("paper without scan", lambda o: incoming.register_incoming(o.clerk, entry(channel=Channel.PAPER))),
        (
            "forged file",
            lambda o: incoming.register_incoming(
                o.clerk,
                entry(),
                files=[SimpleUploadedFile("cong-van.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")],
            ),
        ),
        (
            "dated after arrival",
            lambda o: incoming.register_incoming(o.clerk, entry(issued_on=local(2026, 11, 30).date()), files=[scan()]),
        ),
        ("not a clerk", lambda o: incoming.register_incoming(o.specialist, entry(), files=[scan()])),
    ],
)
def test_a_refused_registration_writes_nothing_and_takes_no_number(offices, problem, call):
    with pytest.raises((incoming.ClassifiedRefused, incoming.IncomingRefused, UploadRejected, NotAllowed)) as error:
        call(offices.ubnd)
    assert str(error.value.message)
    assert not IncomingDocument.objects.exists() and not DocumentFile.objects.exists()
    assert not RegisterSequence.objects.exists()


def test_a_classified_document_is_refused_with_what_to_do_instead(offices):
    with pytest.raises(incoming.ClassifiedRefused) as error:
        incoming.register_incoming(offices.ubnd.clerk, entry(), files=[scan()], classified=True)
    assert "Văn bản mật" in str(error.value.message) and "bản giấy" in str(error.value.message)


def test_the_leader_assigns_one_handler_others_cooperate_or_are_informed(offices):
    o = offices.ubnd
    document = incoming.register_incoming(o.clerk, entry(), files=[scan()])
    due = dt.date(2026, 12, 4)
    incoming.assign(
        o.leader,
        document,
        handler=incoming.Assignee(o.specialist, due),
        cooperating=[incoming.Assignee(o.clerk, due)],
        note="Tham mưu trả lời",
    )
    document.refresh_from_db()
    assert document.state == IncomingState.ASSIGNED
    roles = {(a.role, a.assignee_id, a.due_on) for a in document.assignments.all()}
    assert roles == {(AssignmentRole.HANDLE, o.specialist.pk, due), (AssignmentRole.COOPERATE, o.clerk.pk, due)}
    # Given again, the decision replaces the previous one.
    incoming.assign(o.leader, document, handler=incoming.Assignee(o.clerk, due))
    assert list(document.assignments.values_list("role", "assignee")) == [(AssignmentRole.HANDLE, o.clerk.pk)]


def test_only_the_agencys_leader_assigns_and_only_to_its_own_staff(offices):
    o, other = offices.ubnd, offices.so
    document = incoming.register_incoming(o.clerk, entry(), files=[scan()])
    with pytest.raises(NotAllowed):
        incoming.assign(o.specialist, document, handler=incoming.Assignee(o.specialist))
    with pytest.raises(NotAllowed):
        incoming.assign(other.leader, document, handler=incoming.Assignee(other.specialist))
    with pytest.raises(NotAllowed):
        incoming.assign(o.leader, document, handler=incoming.Assignee(other.specialist))
    assert not document.assignments.exists()


def test_the_handler_reports_progress_and_closes_with_the_answer_issued_by_the_agency(offices):
    o = offices.ubnd
    document = incoming.register_incoming(o.clerk, entry(answer_due=dt.date(2026, 12, 1)), files=[scan()])
    incoming.assign(o.leader, document, handler=incoming.Assignee(o.specialist, dt.date(2026, 11, 30)))
    incoming.record_progress(o.specialist, document, "Đã dự thảo văn bản trả lời")
    answer = issued(o, type_name="Công văn")
    with pytest.raises(incoming.IncomingRefused):  # "answered" needs the answer
        incoming.close(o.specialist, document, outcome=Outcome.ANSWERED)
    with pytest.raises(NotAllowed):  # only the handler or a leader closes
        incoming.close(o.clerk, document, outcome=Outcome.FILED)
    incoming.close(o.specialist, document, outcome=Outcome.ANSWERED, answer=answer, note="Đã trả lời")
    document.refresh_from_db()
    assert (document.state, document.outcome, document.answer) == (IncomingState.CLOSED, Outcome.ANSWERED, answer)
    assert [n.text for n in document.progress.all()] == ["Đã dự thảo văn bản trả lời", "Đã trả lời"]


def test_another_agencys_issued_document_is_not_an_answer(offices):
    o = offices.ubnd
    document = incoming.register_incoming(o.clerk, entry(), files=[scan()])
    incoming.assign(o.leader, document, handler=incoming.Assignee(o.specialist))
    with pytest.raises(incoming.IncomingRefused):
        incoming.close(o.specialist, document, outcome=Outcome.ANSWERED, answer=issued(offices.so))


def test_overdue_means_open_past_the_handlers_deadline_or_the_answer_deadline(offices):
    o = offices.ubnd
    today = dt.date(2026, 12, 10)
    late_answer = incoming.register_incoming(o.clerk, entry(answer_due=dt.date(2026, 12, 1)), files=[scan()])
    late_handler = incoming.register_incoming(o.clerk, entry(), files=[scan()])
    incoming.assign(o.leader, late_handler, handler=incoming.Assignee(o.specialist, dt.date(2026, 12, 9)))
    in_time = incoming.register_incoming(o.clerk, entry(answer_due=dt.date(2026, 12, 20)), files=[scan()])
    closed = incoming.register_incoming(o.clerk, entry(answer_due=dt.date(2026, 12, 1)), files=[scan()])
    incoming.assign(o.leader, closed, handler=incoming.Assignee(o.specialist))
    incoming.close(o.specialist, closed, outcome=Outcome.FILED)
    overdue = set(selectors.overdue_incoming(today=today).values_list("pk", flat=True))
    assert overdue == {late_answer.pk, late_handler.pk}
    assert in_time.pk not in overdue
    assert selectors.overdue_total(today=today) == 2 and selectors.overdue_total([offices.so.agency.pk], today) == 0
