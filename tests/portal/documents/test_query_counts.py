"""The documents' pages ask the database a fixed number of times, however long the register is."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from documents.services import incoming
from tests.documents.factories import entry, issued, scan
from tests.factories import sign_in_verified
from tests.portal.test_query_counts import queries

pytestmark = pytest.mark.django_db


def letters(office, count):
    return [
        incoming.assign(
            office.leader,
            incoming.register_incoming(office.clerk, entry(answer_due=dt.date(2026, 11, 25)), files=[scan()]),
            handler=incoming.Assignee(office.specialist),
        )
        for _ in range(count)
    ]


def test_the_incoming_register_costs_the_same_for_3_or_25_letters(offices):
    o = offices.ubnd
    client = sign_in_verified(Client(), o.leader)
    letters(o, 3)
    few = queries(client, "get", reverse("documents:incoming"))
    letters(o, 22)
    assert queries(client, "get", reverse("documents:incoming")) == few <= 8  # overdue marks in the page's query


def test_a_documents_page_reads_each_thing_once(offices):
    o = offices.ubnd
    (letter,) = letters(o, 1)
    decision = issued(o, addressees=[offices.so.agency])
    client = sign_in_verified(Client(), o.leader)
    # session, user, device; the document with its agency and overdue mark; assignments, files, progress,
    # the three staff lists of the assignment form, the answers to choose from
    assert queries(client, "get", reverse("documents:incoming_detail", args=[letter.pk])) <= 11
    assert queries(client, "get", reverse("documents:outgoing_detail", args=[decision.pk])) <= 6
