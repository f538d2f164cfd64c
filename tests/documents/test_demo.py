"""The demo registers `make run` fills: documents through their real path, once."""

import pytest

from demo.documents import seed
from documents.models import Delivery, IncomingDocument, IncomingState, OutgoingDocument
from government.signing import check_signatures

pytestmark = pytest.mark.django_db


def test_the_demo_fills_each_register_once_with_documents_at_every_stage(offices):
    agencies = [offices.ubnd.agency, offices.so.agency]
    counts = seed(agencies, months=4, incoming_per_agency=12, outgoing_per_agency=2)
    assert counts == {
        "incoming": 24,
        "outgoing": 4,
        "received": Delivery.objects.filter(incoming__isnull=False).count(),
    }
    states = set(IncomingDocument.objects.values_list("state", flat=True))
    assert {IncomingState.ASSIGNED, IncomingState.CLOSED} <= states
    issued = OutgoingDocument.objects.filter(state="issued").first()
    with issued.issued_pdf.open("rb") as handle:
        assert all(check.valid for check in check_signatures(handle.read()))
    assert seed(agencies) == {"incoming": 0, "outgoing": 0, "received": 0}  # run again: nothing more
