"""The shared models' admin pages, now under the government app (decision 0018)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory, sign_in_verified

MODELS = ["administrativeunit", "agency", "calendarexception", "staffrole"]


@pytest.fixture
def admin_client(client, world):
    return sign_in_verified(client, UserFactory(username="root", is_staff=True, is_superuser=True))


@pytest.mark.parametrize("model", MODELS)
def test_changelists_render_under_their_new_app(admin_client, model):
    assert admin_client.get(reverse(f"admin:government_{model}_changelist")).status_code == 200
    assert admin_client.get(f"/django-admin/procedures/{model}/").status_code == 404


@pytest.mark.parametrize("model", ["administrativeunit", "agency", "staffrole"])
def test_changelist_queries_do_not_grow_with_rows(admin_client, model, django_assert_max_num_queries):
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # hundreds of units and agencies
    admin_client.get("/django-admin/")  # a session's first staff request records when it began (portal/accounts)
    with django_assert_max_num_queries(8):
        assert admin_client.get(reverse(f"admin:government_{model}_changelist")).status_code == 200
