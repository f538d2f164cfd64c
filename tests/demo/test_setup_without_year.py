"""`DEMO_DOSSIERS=0 make run`, as the README offers: no synthetic year, and the steps after it do not
fail for its absence (the data store's seed, run by every `make run`, is walked by tests/e2e/test_store.py)."""

import io

import pytest
from django.core.management import call_command

from procedures.models import Dossier

pytestmark = pytest.mark.django_db


def test_make_setup_without_a_synthetic_year_writes_none_and_records_no_fees(world):
    out = io.StringIO()
    call_command("generate_synthetic_year", "--dossiers", "0", "--if-empty", stdout=out)
    call_command("record_fee_history", "--received-by", "du-lieu-mau", stdout=out)
    assert not Dossier.objects.exists() and "Không tạo năm dữ liệu mẫu" in out.getvalue()
