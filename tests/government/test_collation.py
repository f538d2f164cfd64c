"""Issue 35, item 4: names in Vietnamese alphabetical order, the same on SQLite and PostgreSQL."""

import json
from pathlib import Path

import pytest

from government.collation import sort_key, sort_string
from procedures.models import Field, Procedure
from search.backends.database import DatabaseBackend
from tests.factories import FieldFactory, ProcedureFactory

# PostgreSQL's ICU Vietnamese collation ("vi-x-icu") gives this order (checked on PostgreSQL 15):
# letters with marks in their alphabet place (ă, â after a; đ after d; ư after u), tones only where the
# letters are equal (none, huyền, hỏi, ngã, sắc, nặng), capitals only where all else is equal.
ORDERED = [
    "Ca",
    "Cà",
    "Cả",
    "Cã",
    "Cá",
    "Cạ",
    "cải",
    "Căn",
    "Cân",
    "Cấp bản sao",
    "Chứng thực chữ ký",
    "Dương",
    "Đăng ký kết hôn",
    "Đăng ký khai sinh",
    "Thực hiện",
    "Ủy",
    "Uỷ ban",
    "Ưu",
    "Xã 1",
    "Xã 10",
]


def test_the_key_puts_marked_letters_in_their_alphabet_place_and_tones_after_letters():
    assert sorted(reversed(ORDERED), key=sort_key) == ORDERED


def test_the_index_string_sorts_as_the_key_over_every_name_in_the_reference_data():
    names = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                names.add(item) if key in ("name", "short_name", "title") and isinstance(item, str) else walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in Path(__file__).resolve().parents[2].joinpath("fixtures").glob("*/*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    assert len(names) > 1000
    assert sorted(names, key=sort_string) == sorted(names, key=sort_key)


@pytest.mark.django_db
def test_the_database_sorts_the_same_way_on_either_engine():
    for n, name in enumerate(reversed(ORDERED)):
        FieldFactory(code=f"f{n}", name=name)
    assert [f.name for f in Field.objects.filter(code__startswith="f")] == ORDERED


@pytest.mark.django_db
def test_the_catalogue_lists_cap_before_chung_and_dang_after_every_d():
    for name in ("Thực hiện chính sách", "Đăng ký khai sinh", "Chứng thực bản sao", "Cấp phiếu lý lịch", "Dương tính"):
        ProcedureFactory(name=name)
    hits = DatabaseBackend().search_procedures("", limit=10)
    names = list(Procedure.objects.filter(pk__in=hits.ids).values_list("name", flat=True))
    assert (
        [Procedure.objects.get(pk=pk).name for pk in hits.ids]
        == sorted(names, key=sort_key)
        == ["Cấp phiếu lý lịch", "Chứng thực bản sao", "Dương tính", "Đăng ký khai sinh", "Thực hiện chính sách"]
    )
