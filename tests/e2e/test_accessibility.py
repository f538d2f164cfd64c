"""axe-core on the pages people use, and no sideways scrolling on a 390 px phone."""

import json

import pytest

from .actions import sign_in, staff_sign_in
from .conftest import AXE

pytestmark = pytest.mark.e2e

SERIOUS = {"serious", "critical"}


def audit(page):
    """Serious and critical axe violations on the current page, as readable lines."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm install --prefix tests/e2e)")
    # Evaluated through the browser's devtools channel: the page's CSP (no inline script) stays on.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {json.dumps([n['target'] for n in v['nodes']][:3])}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def fits_a_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def check(page, shots, label):
    shots(page, label)
    problems = audit(page)
    assert problems == [], f"{label}: {problems}"
    assert fits_a_phone(page), f"{label} scrolls sideways at {page.viewport_size['width']} px"


def test_public_pages(new_page, shots):
    page = new_page(390, 844)
    page.goto("/")
    check(page, shots, "home")
    page.goto("/thu-tuc/?q=khai sinh")
    check(page, shots, "catalog")
    page.click("main table a >> nth=0")
    check(page, shots, "procedure")
    page.goto("/tra-cuu-ho-so/")
    check(page, shots, "tracking")


def test_the_citizens_filing_pages(new_page, shots):
    page = new_page(390, 844)
    sign_in(page, "019195004321")  # congdan2
    page.goto("/thu-tuc/?q=dang ky ket hon")
    page.click("main table a >> nth=0")
    page.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    check(page, shots, "start")
    page.select_option("#id_agency", index=1)
    page.click("main button:has-text('Tiếp tục')")
    check(page, shots, "draft")
    page.goto("/ho-so/")
    check(page, shots, "my-dossiers")


def test_the_back_office_pages(site, new_page, shots):
    page = new_page(390, 844)
    staff_sign_in(page, site, "xa.motcua")
    page.goto("/can-bo/?state=all")
    check(page, shots, "queue")
    page.click("main table a >> nth=0")
    check(page, shots, "dossier")
    monitor = new_page(390, 844)
    staff_sign_in(monitor, site, "tinh.giamsat")
    monitor.goto("/can-bo/bao-cao/")
    check(monitor, shots, "dashboard")
