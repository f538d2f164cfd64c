from django.core.management import call_command

from procedures.models import StaffRole


def test_demo_setup_serves_the_home_page_and_is_safe_to_repeat(client, db):
    for _ in range(2):
        call_command("load_reference_data", stdout=open("/dev/null", "w"))
        call_command("seed_demo", stdout=open("/dev/null", "w"))
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cổng dịch vụ công tỉnh Thái Nguyên" in page
    assert "27</strong> thủ tục hành chính" in page
    assert StaffRole.objects.values("role").distinct().count() == 5
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


def test_django_admin_is_in_vietnamese(client, db):
    response = client.get("/django-admin/login/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()
