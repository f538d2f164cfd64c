"""Issue 38: an agency that ends in a reorganisation closes its registers; its unfinished documents go
on in its successor's registers (documents.services.succession)."""

import pytest

from documents.models import Direction, IncomingDocument, OutgoingState
from documents.services import incoming, outgoing
from documents.services.registers import RegisterClosed, take_number
from documents.services.succession import hand_over_documents
from tests.documents.factories import entry, issued, kind, scan
from tests.factories import local

pytestmark = pytest.mark.django_db

EFFECTIVE = local(2026, 12, 1, 0, 0)


def end(office, successor):
    office.agency.valid_until, office.agency.successor = EFFECTIVE, successor.agency
    office.agency.save()


def test_open_work_goes_on_in_the_successors_registers(offices):
    old, new = offices.ubnd, offices.so
    open_entry = incoming.register_incoming(old.clerk, entry(), files=[scan()])
    done_entry = incoming.register_incoming(old.clerk, entry(number_symbol="9/UBND"), files=[scan()])
    IncomingDocument.objects.filter(pk=done_entry.pk).update(state="closed")
    draft = outgoing.create_draft(
        old.specialist,
        document_type=kind("Quyết định"),
        excerpt="Về việc chưa ban hành",
        signer=old.leader,
        body="Điều 1.",
    )
    earlier = issued(old, type_name="Quyết định")
    take_number(new.agency, Direction.INCOMING, local(2026, 11, 2, 8, 0))  # the successor's own entry no. 1
    end(old, new)

    handed = hand_over_documents(old.agency, new.agency, local(2026, 12, 1, 0, 5))
    assert (handed.drafts, handed.incoming) == (1, 1)
    open_entry.refresh_from_db()
    draft.refresh_from_db()
    earlier.refresh_from_db()
    assert open_entry.agency == new.agency and open_entry.number == 2  # the successor's numbering goes on
    assert open_entry.previous_entry == f"1/2026 — {old.agency.name}"
    assert IncomingDocument.objects.get(pk=done_entry.pk).agency == old.agency  # finished work stays
    assert draft.agency == new.agency and draft.state == OutgoingState.DRAFT
    assert earlier.agency == old.agency and earlier.number == 1  # issued documents keep their issuer

    again = hand_over_documents(old.agency, new.agency, local(2026, 12, 1, 0, 6))
    assert (again.drafts, again.deliveries, again.incoming) == (0, 0, 0)


def test_a_closed_agencys_register_refuses_a_number(offices):
    end(offices.ubnd, offices.so)
    assert take_number(offices.ubnd.agency, Direction.OUTGOING, local(2026, 11, 30, 9, 0)).number == 1  # before
    with pytest.raises(RegisterClosed) as refused:
        take_number(offices.ubnd.agency, Direction.OUTGOING, local(2026, 12, 2, 9, 0))
    assert "đã khóa từ 01/12/2026" in str(refused.value.message)
