"""Address fields share one commune list per version of the unit table, and see a change at once."""

import pytest
from django.core.cache import cache

from eforms.fields import AddressField
from government.models import AdministrativeUnit, UnitLevel

pytestmark = pytest.mark.django_db


def test_fields_share_one_list_and_a_new_commune_is_listed(world):
    first, second = AddressField(label="a"), AddressField(label="b")
    assert first.fields[0].choices is second.fields[0].choices  # not normalised again per field
    assert first.widget.widgets[0].choices.choices is first.fields[0].choices.choices  # a shallow copy at most
    AdministrativeUnit.objects.create(code="91199", name="Xã Mới Lập", level=UnitLevel.COMMUNE, parent=world.district)
    assert "91199" in [code for code, _label in AddressField(label="c").fields[0].choices]
    assert AddressField(label="d", required=True).clean(["91199", "Tổ 1"]) == {"commune": "91199", "detail": "Tổ 1"}


def test_an_emptied_cache_never_brings_back_an_old_list(world):
    before = AddressField(label="a").fields[0].choices
    cache.clear()  # as after a Redis restart: the version starts again, at a number not used before
    AdministrativeUnit.objects.create(code="91198", name="Xã Sau", level=UnitLevel.COMMUNE, parent=world.district)
    after = AddressField(label="b").fields[0].choices
    assert after is not before and "91198" in [code for code, _label in after]
