import re

import pytest
from django.core.management import call_command

from government.models import StaffRole
from tests.clock import NEW_YEAR_NIGHT, TET_SUNDAY_NIGHT


def test_demo_setup_serves_the_home_page_and_is_safe_to_repeat(client, db):
    for _ in range(2):
        call_command("load_reference_data", stdout=open("/dev/null", "w"))
        call_command("seed_demo", stdout=open("/dev/null", "w"))
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cổng dịch vụ công tỉnh Thái Nguyên" in page
    assert "27</strong> thủ tục hành chính" in page
    assert StaffRole.objects.values("role").distinct().count() == 6  # clerks (văn thư) since issue 18
    # issue 35, item 14: the title says the site's name once; the full-online card opens those procedures
    title = page[page.index("<title>") + 7 : page.index("</title>")]
    assert title.count("Cổng dịch vụ công tỉnh Thái Nguyên") == 1
    full_online = re.search(r"<strong>(\d+)</strong> thủ tục trực tuyến toàn trình<br>\s*<a href=\"([^\"]+)\"", page)
    catalogue = client.get(full_online.group(2)).content.decode()
    assert f"Số thủ tục tìm thấy: {full_online.group(1)}" in catalogue and full_online.group(1) != "27"
    response = client.post("/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "MotCua@2026"})
    assert response.status_code == 302 and response["Location"] == "/can-bo/"


def test_demo_lifecycle_command_runs_end_to_end(db, capsys):
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    call_command("demo_lifecycle", start="2026-11-20T16:00")
    out = capsys.readouterr().out
    assert "Mã hồ sơ: 000.01.29.H99-261120-0001" in out
    assert "return_result" in out and "Trước hạn" in out
    assert "Thứ Ba 24/11/2026: không tính — Ngày Văn hóa Việt Nam" in out


@pytest.mark.parametrize("moment", [TET_SUNDAY_NIGHT, NEW_YEAR_NIGHT], ids=["tet-sunday", "new-year-night"])
def test_demo_lifecycle_run_on_a_holiday_has_happened_by_now(db, capsys, time_machine, moment):
    """Without --start, on a Sunday in Tết or at 00:10 on New Year's Day: every step is in the past."""
    from django.utils import timezone

    from demo.management.commands.demo_lifecycle import LAND_CERTIFICATE
    from procedures.models import Dossier

    time_machine.move_to(moment, tick=False)
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    call_command("demo_lifecycle")
    dossier = Dossier.objects.get(procedure__national_code=LAND_CERTIFICATE)  # beside the demo's waiting work
    assert dossier.state == "returned" and dossier.returned_at <= timezone.now()
    assert max(dossier.events.values_list("created_at", flat=True)) <= timezone.now()
    assert "Trước hạn" in capsys.readouterr().out


def test_django_admin_is_in_vietnamese(client, db):
    response = client.get("/django-admin/login/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_production_settings_pass_the_deploy_check():
    """With DJANGO_DEBUG off, `manage.py check --deploy` has nothing to say (HTTPS only, HSTS, secure cookies)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.production import production_env

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, **production_env()}
    env.pop("DJANGO_HTTPS_ONLY", None)
    env.pop("CITIZEN_PASSWORDS", None)

    def deploy_check(**changes):
        return subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=root,
            env={**env, **changes},
            capture_output=True,
            text=True,
            timeout=120,
        )

    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    # Citizens' passwords are not for production (issue 16); demo secrets stop the settings (issue 33).
    demo = deploy_check(CITIZEN_PASSWORDS="1")
    assert demo.returncode != 0 and "portal.W001" in demo.stderr


def test_the_browser_finds_the_portals_icon(client, db):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith(".ico")
    assert finders.find("portal/favicon.ico")
    assert 'rel="icon"' in client.get("/tai-khoan/dang-nhap/").content.decode()


@pytest.mark.parametrize("model", ["legacy", "2025"])
def test_every_demo_officer_has_work_waiting_with_its_history(db, model):
    """Issue 35, item 13: xa.motcua's default queue was empty; then (stop 45's walk) Sở Tư pháp's and
    the district's, because the synthetic year held the demo citizens' dossiers at those desks."""
    import io

    from django.contrib.auth import get_user_model

    from demo.procedures import demo_agencies
    from demo.synthetic_year import generate
    from procedures.models import Dossier
    from procedures.queues import work_queue

    call_command("load_reference_data", "--model", model, stdout=open("/dev/null", "w"))
    generate(60, seed=1, out=io.StringIO())
    year = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
    desks = [desk for desk, _handling in demo_agencies().values()]
    for pk, desk in zip(year, desks):
        Dossier.objects.filter(pk=pk).update(
            receiving_agency=desk, channel="counter", applicant_personal_id="019090001234"
        )
    for _ in range(2):  # the second run adds nothing
        call_command("seed_demo", stdout=open("/dev/null", "w"))
    users = get_user_model().objects
    prefixes = ("xa", "xa2", "so") if model == "2025" else ("xa", "huyen", "so")
    assert set(demo_agencies()) == set(prefixes)
    for username in [f"{prefix}.{role}" for prefix in prefixes for role in ("motcua", "chuyenvien", "lanhdao")]:
        waiting = [d for d in work_queue(users.get(username=username)) if d.pk not in year]
        assert len(waiting) == 1, username
        assert waiting[0].events.filter(action="receive").exists() and waiting[0].components.exists()
    assert Dossier.objects.filter(applicant_personal_id="019090001234").exclude(pk__in=year).count() == 2 * len(
        prefixes
    )
    if model == "2025":  # the Department of Justice decides one procedure of the 2025 catalogue
        so = Dossier.objects.filter(receiving_agency=demo_agencies()["so"][0]).exclude(pk__in=year).first()
        assert so.procedure.national_code == "1.013837"


def test_the_phone_header_folds_its_links_behind_one_button(client, db):
    """Issue 35, item 8: signed in, the header took 230 of 844 px on a phone. Measured in headless
    Chromium at 390 px after the change: 103 px in Vietnamese, 130 px in English (menu folded)."""
    from pathlib import Path

    page = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert 'class="menu-toggle" type="button" aria-expanded="false" aria-controls="site-nav" hidden' in page
    assert '<nav id="site-nav"' in page and "portal/menu.js" in page
    css = (Path(__file__).resolve().parents[2] / "portal/home/static/portal/site.css").read_text()
    assert ".js header.site nav:not(.open) { display: none; }" in css  # without the script, every link shows


def test_make_setup_leaves_both_the_synthetic_year_and_the_waiting_work(db):
    """`make setup`'s commands in the Makefile's order: seed_demo's waiting dossiers once made
    generate_synthetic_year --if-empty skip the year, and the dashboard of a fresh demo was empty."""
    import shlex
    from pathlib import Path

    from procedures.models import Dossier

    recipe = Path(__file__).resolve().parents[2].joinpath("Makefile").read_text().split("\nsetup:")[1].split("\n\n")[0]
    wanted = {
        "load_reference_data",
        "generate_synthetic_year",
        "record_sync_history",
        "record_fee_history",
        "seed_demo",
    }
    for line in recipe.splitlines():
        if "manage.py" not in line:  # the shell around MODEL=reorganised's step, comments
            continue
        words = shlex.split(
            line.strip()
            .replace("$(REFERENCE_MODEL)", "legacy")
            .replace("$(MODEL)", "legacy")
            .replace("$(DEMO_DOSSIERS)", "300"),
            comments=True,
        )
        if "manage.py" in words and words[words.index("manage.py") + 1] in wanted:
            call_command(
                *words[words.index("manage.py") + 1 :], stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w")
            )
    assert Dossier.objects.count() == 300 + 9  # the year, and three waiting dossiers at each of three desks
    # The year's returned dossiers went to the national portal as a real year's would have.
    from national_sync.models import Delivery, OutboxMessage

    returned = Dossier.objects.filter(state="returned").first()
    assert [m.status_code for m in OutboxMessage.objects.filter(dossier=returned)][-1] == 10
    assert not OutboxMessage.objects.filter(dossier__state="returned").exclude(delivery=Delivery.SENT).exists()
    # and its fees were paid when filed, as the dashboard's online-payment share counts them
    from payments.models import Payment

    paid = Payment.objects.filter(dossier__state="returned", status="paid")
    assert paid.filter(channel="online").exists() and paid.filter(channel="cash").exists()
