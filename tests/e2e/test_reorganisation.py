"""A reorganisation in the browser (issue 38): the legacy demo gets the 1 July 2025 plan; the district's
specialist, now at the commune that took the district's seat, finds the district's dossiers there;
a citizen tracks a code issued before the change and sees who holds the dossier now."""

import pytest

from .actions import staff_sign_in

pytestmark = pytest.mark.e2e

PLAN = "fixtures/reorganisation/thai-nguyen-2025-07-01.json"
# Phú Bình district's seat, thị trấn Hương Sơn, is in the new Xã Phú Bình (the official conversion table)
SUCCESSOR = "Ủy ban nhân dân xã Phú Bình"

FIND = """
from procedures.models import Dossier
from government.selectors import agency_of
from django.contrib.auth import get_user_model
agency = agency_of(get_user_model().objects.get(username="huyen.chuyenvien"))
d = Dossier.objects.filter(current_agency=agency, state__in=["received", "processing"]).order_by("pk").first()
print(d.code, d.applicant_personal_id[-4:], agency.name)
"""


def test_an_officer_finds_the_districts_dossiers_at_the_successor(site_reorganised, new_page, shots):
    site = site_reorganised
    code, secret, district = site.manage("shell", "-c", FIND).split(maxsplit=2)
    assert district.strip() == "Ủy ban nhân dân huyện Phú Bình"

    dry_run = site.manage("plan_reorganisation", PLAN)
    assert "Phường Phan Đình Phùng" in dry_run and code in dry_run
    applied = site.manage("apply_reorganisation", PLAN, "--by", "admin")
    assert "Đã áp dụng" in applied

    officer = new_page()
    staff_sign_in(officer, site, "huyen.chuyenvien")
    assert SUCCESSOR in officer.locator("body").inner_text()  # the signed-in officer's agency now
    officer.goto(f"/can-bo/tim-kiem/?code={code}")
    officer.click(f"a:text-is('{code}')")
    page = officer.locator("main").inner_text()
    assert SUCCESSOR in page and "Nghị quyết 1683/NQ-UBTVQH15" in page
    shots(officer, "officer-finds-dossier-at-successor")

    citizen = new_page(390, 844)
    citizen.goto(f"/tra-cuu-ho-so/?ma={code}")
    citizen.fill("#id_secret", secret)
    citizen.click("main button:has-text('Tra cứu')")
    tracked = citizen.locator("main").inner_text()
    assert code in tracked and SUCCESSOR in tracked
    shots(citizen, "citizen-tracks-old-code")
