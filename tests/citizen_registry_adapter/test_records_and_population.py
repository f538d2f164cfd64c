import datetime as dt

import pytest

from citizen_registry_adapter.errors import InvalidResponse
from citizen_registry_adapter.personal_id import parse
from citizen_registry_adapter.records import FIELD_LABELS, CitizenRecord
from citizen_registry_adapter.synthetic import communes, population

AN = "019090001234"


def test_a_record_survives_the_wire_and_flattens_for_comparison():
    record = population()[AN]
    assert CitizenRecord.from_payload(record.to_payload()) == record
    flat = record.comparable()
    assert flat["date_of_birth"] == "12/05/1990"
    assert flat["sex"] == "Nam"
    assert flat["spouse_full_name"] == "Trần Thị Bình"
    assert set(flat) <= set(FIELD_LABELS)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.pop("full_name"),
        lambda p: p.update(date_of_birth="12/05/1990"),
        lambda p: p.update(sex="x"),
        lambda p: p.update(full_name=42),
        lambda p: p.update(father="Nguyễn Văn Bố"),
    ],
)
def test_an_unexpected_payload_is_an_invalid_response(damage):
    payload = population()[AN].to_payload()
    damage(payload)
    with pytest.raises(InvalidResponse):
        CitizenRecord.from_payload(payload)
    with pytest.raises(InvalidResponse):
        CitizenRecord.from_payload([payload])


def test_the_population_is_the_same_every_time_and_every_id_is_valid():
    people = population()
    assert len(people) > 1000
    assert list(people) == list(population.__wrapped__())
    for record in people.values():
        pid = parse(record.personal_id, record.date_of_birth)
        assert pid.sex == record.sex
        assert record.full_name.count(" ") >= 2


def test_everyone_lives_in_a_real_thai_nguyen_commune():
    names = {f"{name}, {district}, Tỉnh Thái Nguyên" for _, name, _, district in communes()}
    assert len(names) == 172
    for record in population().values():
        assert record.permanent_residence.split(", ", 1)[1] in names


def test_family_links_point_at_people_who_point_back():
    people = population()
    linked = 0
    for record in people.values():
        if record.spouse:
            assert people[record.spouse.personal_id].spouse.personal_id == record.personal_id
            assert people[record.spouse.personal_id].sex != record.sex
        for parent, sex in ((record.father, "male"), (record.mother, "female")):
            if parent:
                linked += 1
                assert people[parent.personal_id].sex == sex
                assert people[parent.personal_id].date_of_birth < record.date_of_birth - dt.timedelta(days=365 * 18)
        head = people[record.head_of_household.personal_id]
        assert head.permanent_residence == record.permanent_residence
    assert linked > 300


def test_the_demo_accounts_are_a_family_in_huong_son():
    people = population()
    an, binh, child = people[AN], people["019195004321"], people["019220000517"]
    assert (an.full_name, binh.full_name) == ("Nguyễn Văn An", "Trần Thị Bình")
    assert an.spouse.personal_id == binh.personal_id
    assert child.father.personal_id == AN and child.mother.personal_id == binh.personal_id
    assert "Thị trấn Hương Sơn, Huyện Phú Bình" in an.permanent_residence
