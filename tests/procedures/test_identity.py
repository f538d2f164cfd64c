import dataclasses

import pytest

from citizen_registry_adapter.errors import InvalidResponse, RegistryUnavailable
from citizen_registry_adapter.memory import InMemoryRegistry
from citizen_registry_adapter.synthetic import population
from procedures import services
from procedures.models import IdentityStatus
from procedures.services.identity import verify_applicant, verify_pending_identities
from tests.factories import CitizenFactory, online

pytestmark = pytest.mark.django_db


def registry_knowing(*citizens, name=None):
    template = population()["019090001234"]
    return InMemoryRegistry(
        dataclasses.replace(template, personal_id=c.personal_id, full_name=name or c.get_full_name()) for c in citizens
    )


def test_a_vietnamese_full_name_is_family_name_first():
    assert CitizenFactory(first_name="An", last_name="Nguyễn Văn").get_full_name() == "Nguyễn Văn An"


def test_a_matching_applicant_is_verified(world):
    dossier = online(world)
    assert verify_applicant(dossier, registry=registry_knowing(world.citizen)) == IdentityStatus.VERIFIED
    dossier.refresh_from_db()
    assert dossier.identity_status == IdentityStatus.VERIFIED


def test_a_name_that_differs_from_the_registry_is_a_mismatch(world):
    dossier = online(world)
    registry = registry_knowing(world.citizen, name="Hoàng Thị Khác")
    assert verify_applicant(dossier, registry=registry) == IdentityStatus.MISMATCH


def test_an_unknown_applicant_is_a_mismatch(world):
    dossier = online(world)
    assert verify_applicant(dossier, registry=InMemoryRegistry()) == IdentityStatus.MISMATCH


@pytest.mark.parametrize("failure", [RegistryUnavailable(reason="t"), InvalidResponse(reason="t")])
def test_a_broken_registry_leaves_the_dossier_waiting_and_moving(world, failure):
    dossier = online(world)
    assert verify_applicant(dossier, registry=InMemoryRegistry(failure=failure)) == IdentityStatus.NOT_VERIFIED
    services.receive(dossier, world.xa_motcua)  # the flow goes on
    dossier.refresh_from_db()
    assert dossier.identity_status == IdentityStatus.NOT_VERIFIED


def test_the_retry_verifies_what_waited_once_the_registry_is_back(world):
    waiting = [online(world), online(world, citizen=world.other_citizen)]
    registry = registry_knowing(world.citizen, world.other_citizen)
    registry.failure = RegistryUnavailable(reason="down")
    assert verify_pending_identities(registry=registry)[IdentityStatus.NOT_VERIFIED] == 2
    registry.failure = None
    counts = verify_pending_identities(registry=registry)
    assert counts[IdentityStatus.VERIFIED] == 2
    assert verify_pending_identities(registry=registry) == {s: 0 for s in IdentityStatus.values}
    for dossier in waiting:
        dossier.refresh_from_db()
    assert {dossier.identity_status for dossier in waiting} == {IdentityStatus.VERIFIED}
