"""The pages users wait on ask the database a fixed number of times, however many dossiers there are
(issue 17): a citizen's "Hồ sơ của tôi", an officer's work queue, public tracking, a procedure page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import online, received, sign_in_verified


def queries(client, method, path, data=None, expected=200):
    getattr(client, method)(path, data or {})  # once-a-while work (catalog address, session refresh) done
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data or {})
    assert response.status_code == expected, response.content[:500]
    return len(captured)


@pytest.mark.parametrize(
    "who, path, more, at_most",
    [
        ("citizen", "/ho-so/", received, 6),  # session, user with role, page, count, catalog address
        ("xa_motcua", "/can-bo/", online, 12),  # also the second factor, the filters, the page's rows, calendar
    ],
)
def test_a_list_costs_the_same_for_3_or_25_dossiers(client, world, who, path, more, at_most):
    user = getattr(world, who)
    sign_in_verified(client, user) if user.is_staff else client.force_login(user)
    for _ in range(3):
        online(world)
    few = queries(client, "get", path)
    for _ in range(22):
        more(world)
    many = queries(client, "get", path)
    assert many == few <= at_most  # no query per row


def test_a_signed_in_page_reads_the_role_with_the_user(client, world):
    """The user, their staff role and its agency come in one query, not three (accounts/backends.py)."""
    sign_in_verified(client, world.xa_motcua)
    with CaptureQueriesContext(connection) as captured:
        client.get("/can-bo/")
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [q for q in sql if 'FROM "procedures_staffrole"' in q]  # never on its own
    assert any('JOIN "procedures_staffrole"' in q for q in sql)  # but joined to the user's


def test_catalog_address_is_read_once_per_catalog_version(client, world):
    client.force_login(world.citizen)
    client.get("/ho-so/")  # reads the catalog's address
    with CaptureQueriesContext(connection) as captured:
        client.get("/ho-so/")
    assert not [q for q in captured.captured_queries if "wagtailcore_page" in q["sql"]]
