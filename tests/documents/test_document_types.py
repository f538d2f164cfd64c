"""The document types and abbreviations are Decree 30/2020's appendix III, line for line, as the copy
kept in fixtures/reference reads it."""

import csv
from pathlib import Path

import pytest

from documents.models import DocumentType

pytestmark = pytest.mark.django_db

APPENDIX = Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "decree-30-2020-appendix-iii.tsv"


def appendix():
    lines = [line for line in APPENDIX.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {
        row["type"].replace(" (cá biệt)", ""): row["abbreviation"] or ""
        for row in csv.DictReader(lines, delimiter="\t")
    }


def test_every_type_of_the_appendix_and_only_those_with_its_abbreviation():
    expected = appendix()
    assert len(expected) == 28
    assert dict(DocumentType.objects.values_list("name", "abbreviation")) == expected
    assert expected["Quy định"] == "QyĐ"  # mixed case, as the appendix writes it
