"""A reorganisation in the browser (issue 38), on `MODEL=reorganised make run`: the legacy demo with the
plan of 1 July 2025 applied. The district's specialist, now at the commune that took the district's
seat, finds the district's dossiers there; a citizen tracks a code issued before the change and sees
who holds the dossier now."""

import pytest

from .actions import staff_sign_in

pytestmark = pytest.mark.e2e

DISTRICT = "Ủy ban nhân dân huyện Phú Bình"
SUCCESSOR = "Ủy ban nhân dân xã Phú Bình"  # the new commune named after the district

# A dossier the district held when the plan was applied: its "reorganise" event names the move.
FIND = (
    """
from procedures.models import DossierEvent
from government.models import Agency
district = Agency.objects.get(name="%s")
event = (
    DossierEvent.objects.filter(action="reorganise", dossier__current_agency=district.successor)
    .select_related("dossier").order_by("pk").first()
)
assert district.electronic_code in event.data["moves"], event.data
print(event.dossier.code, event.dossier.applicant_personal_id[-4:], district.successor.name)
"""
    % DISTRICT
)


def test_an_officer_finds_the_districts_dossiers_at_the_successor(site_reorganised, new_page, shots):
    site = site_reorganised
    assert "Đã áp dụng: Nghị quyết 202/2025/QH15" in site.log.read_text()  # applied by make run
    # Django's shell first says how many names it imported: the answer is the last line
    code, secret, successor = site.manage("shell", "-c", FIND).strip().splitlines()[-1].split(maxsplit=2)
    assert successor == SUCCESSOR

    officer = new_page()
    staff_sign_in(officer, site, "huyen.chuyenvien")
    officer.goto(f"/can-bo/tim-kiem/?code={code}")
    officer.click(f"a:text-is('{code}')")
    page = officer.locator("main").inner_text()
    assert SUCCESSOR in page and "Nghị quyết 1683/NQ-UBTVQH15" in page  # holder now, and the plan in its history
    assert DISTRICT in page  # the steps the district did stay the district's
    shots(officer, "officer-finds-dossier-at-successor")

    citizen = new_page(390, 844)
    citizen.goto(f"/tra-cuu-ho-so/?ma={code}")
    citizen.fill("#id_secret", secret)
    citizen.click("main button:has-text('Tra cứu')")
    tracked = citizen.locator("main").inner_text()
    assert code in tracked and SUCCESSOR in tracked
    shots(citizen, "citizen-tracks-old-code")
