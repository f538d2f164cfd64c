"""Issue 38: a citizen's address in a unit a reorganisation merged away resolves to the unit that
succeeds it, for forms prefilled from the registry; the address lists offer only units still in force."""

import pytest

from eforms.fields import commune_choices
from eforms.services import _located
from government.selectors import current_unit_code
from reorganisation.plans import read_plan
from reorganisation.services import apply
from tests.reorganisation.test_dry_run import plan_for

pytestmark = pytest.mark.django_db


def test_an_old_commune_in_the_registry_routes_to_its_successor(world):
    address = f"Thôn Đồng Tâm, {world.commune.name}, {world.district.name}, {world.province.name}"
    assert _located(address)[0] == world.commune.code
    apply(read_plan(plan_for(world)), world.monitor)
    code, detail = _located(address)
    assert code == "91199" and detail == "Thôn Đồng Tâm"
    assert current_unit_code(world.commune.code) == "91199" and current_unit_code("91199") == "91199"


def test_the_address_lists_offer_the_new_commune_not_the_merged_ones(world):
    before = {code for code, _label in commune_choices()}
    assert world.commune.code in before
    apply(read_plan(plan_for(world)), world.monitor)
    after = {code for code, _label in commune_choices()}
    assert "91199" in after and world.commune.code not in after


def test_a_citizen_files_only_where_an_agency_is_in_force(world, client):
    from government.models import Agency
    from procedures.selectors import receiving_agencies

    assert world.commune_agency in receiving_agencies(world.simple)
    apply(read_plan(plan_for(world)), world.monitor)
    offered = set(receiving_agencies(world.simple))
    assert world.commune_agency not in offered and world.other_commune_agency not in offered
    assert Agency.objects.get(electronic_code="000.09.21.H98") in offered  # the new commune's committee
    client.force_login(world.citizen)
    page = client.get(f"/nop-ho-so/{world.simple.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ủy ban nhân dân xã Thử Mới" in text and world.commune_agency.name not in text
    refused = client.post(f"/nop-ho-so/{world.simple.pk}/", {"agency": world.commune_agency.pk, "consent": "on"})
    assert refused.status_code == 400 and not world.citizen.dossiers.exists()
