import json
import subprocess
import sys
import urllib.request
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from citizen_registry_adapter.http_client import HttpRegistry
from citizen_registry_adapter.memory import InMemoryRegistry
from citizen_registry_adapter.registry import get_registry
from tests.citizen_registry_adapter.test_http_registry import free_port


def _get(url):
    with urllib.request.urlopen(url, timeout=2) as response:
        return json.load(response)


def test_anyone_can_start_the_fake_server_and_switch_its_mode():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "citizen_registry_adapter.fake_server", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "Fake population registry on http://127.0.0.1:" in server.stdout.readline()
        assert _get(f"http://127.0.0.1:{port}/health")["citizens"] > 1000
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/control", data=json.dumps({"mode": "error"}).encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=2) as response:
            assert json.load(response) == {"mode": "error"}
        request = urllib.request.Request(f"http://127.0.0.1:{port}/citizens/019090001234", headers={"X-Purpose": "t"})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=2)
        assert caught.value.code == 503
    finally:
        server.terminate()
        server.wait(5)


def test_settings_choose_and_configure_the_registry(settings):
    assert isinstance(get_registry(), InMemoryRegistry)  # what tests/conftest.py selects
    settings.CITIZEN_REGISTRY = {
        **settings.CITIZEN_REGISTRY,
        "BACKEND": "http",
        "URL": "http://127.0.0.1:9/",
        "API_KEY": "k",
        "TOTAL_TIMEOUT": 3.0,
        "CLIENT_CERT": "/c.pem",
        "CLIENT_KEY": "/k.pem",
    }
    registry = get_registry()
    assert isinstance(registry, HttpRegistry)
    assert (registry.base_url, registry.total_timeout) == ("http://127.0.0.1:9", 3.0)
    assert registry.session.headers["X-API-Key"] == "k"
    assert registry.session.cert == ("/c.pem", "/k.pem")


def test_the_lookup_command_prints_the_record_and_the_mismatch_report():
    out = StringIO()
    call_command(
        "registry_lookup",
        "019090001234",
        "--declare",
        "full_name=NGUYỄN VĂN AN",
        "date_of_birth=12/05/1990",
        "ethnicity=Tày",
        stdout=out,
    )
    text = out.getvalue()
    assert "Họ, chữ đệm và tên vợ hoặc chồng: Trần Thị Bình" in text
    assert "Họ, chữ đệm và tên khai sinh: khớp" in text
    assert "Dân tộc: KHÔNG KHỚP (đã khai: Tày; CSDL: Kinh)" in text
    assert "Kết quả: có sai lệch" in text


def test_the_lookup_command_explains_a_failure():
    with pytest.raises(CommandError, match="đúng 12 chữ số"):
        call_command("registry_lookup", "12345", stdout=StringIO())
    with pytest.raises(CommandError, match="Không có trường: nickname"):
        call_command("registry_lookup", "019090001234", "--declare", "nickname=An", stdout=StringIO())
