from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from vneid_adapter.client import forget_provider
from vneid_adapter.fake_server import FakeVneid

DEMO_CITIZEN = "019090001234"  # Nguyễn Văn An, a demo account too (demo/procedures.py)


@pytest.fixture(scope="session")
def _fake_vneid():
    with FakeVneid() as provider:
        yield provider


@pytest.fixture
def vneid(_fake_vneid, settings):
    """The fake provider, configured as the portal's VNeID, behaving normally at the start of each test."""
    _fake_vneid.set(mode="normal", delay=0.2)
    _fake_vneid.ended_sessions.clear()
    settings.VNEID = {
        **settings.VNEID,
        "ISSUER": _fake_vneid.url,
        "CLIENT_ID": _fake_vneid.client_id,
        "CLIENT_SECRET": _fake_vneid.client_secret,
        "READ_TIMEOUT": 1.0,
        "CONNECT_TIMEOUT": 0.5,
    }
    forget_provider()
    yield _fake_vneid
    forget_provider()


class Journey:
    """The browser's part of the code flow, played with Django's test client and requests."""

    def __init__(self, client, provider):
        self.client, self.provider = client, provider

    def to_provider(self, level=None, next_url=None):
        query = {k: v for k, v in (("muc", level), ("next", next_url)) if v}
        response = self.client.get("/tai-khoan/vneid/", query)
        assert response.status_code == 302, response.content[:300]
        url = response["Location"]
        assert url.startswith(self.provider.url + "/authorize?")
        return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}

    def pick(self, params, personal_id=DEMO_CITIZEN, level=2, decision="allow"):
        """What the tester does on the provider's page; returns the callback query the browser brings back."""
        answer = requests.post(
            self.provider.url + "/authorize",
            allow_redirects=False,
            timeout=5,
            data={**params, "personal_id": personal_id, "level": str(level), "decision": decision},
        )
        assert answer.status_code == 302, answer.text
        back = urlsplit(answer.headers["Location"])
        assert back.path == "/tai-khoan/vneid/ve/"
        return {k: v[0] for k, v in parse_qs(back.query).items()}

    def back(self, query):
        return self.client.get("/tai-khoan/vneid/ve/", query)

    def sign_in(self, personal_id=DEMO_CITIZEN, level=2, next_url=None):
        return self.back(self.pick(self.to_provider(next_url=next_url), personal_id, level))


@pytest.fixture
def journey(client, vneid):
    return Journey(client, vneid)
