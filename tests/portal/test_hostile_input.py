"""Every route of the URLconf, as anonymous, citizen, officer and monitor, with hostile values in
every path argument, query parameter and form field: the answer may be 200, 3xx, 400, 403, 404, 405
or 429, never a 5xx.

The parameter names are every field of every form the project defines (and Django's auth forms it
uses), so a new form's fields are attacked without editing this file. Wagtail's editor (/cms/) and
Django's admin are the frameworks' own screens: they are walked only for the 500 they could give on
a hostile query string of their entry pages.
"""

import functools
import io
import itertools

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

from government.models import Role
from portal.home.services import ensure_site
from tests.factories import sign_in_verified, staff, walk_in
from tests.portal.citizens.helpers import returned, submitted
from tests.uploads import png
from tests.vneid_adapter.conftest import _fake_vneid, vneid  # noqa: F401

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "-1",
    "99999999999999999999999",  # 23 digits: past any integer column
    "9" * 5000,  # past Python's int() digit limit
    "1e309",
    "9999-12-31",
    "0001-01-01",
    "0000-01",
    "\x00",
    "‮́̈́ 𝕏 ﷽",
    "<script>alert(1)</script>' OR 1=1--",
    "//evil.example/",
]
# Path arguments: also ids of objects that exist (filled in per test) so views go past the 404.
PATH_VALUES = ["0", str(2**63), "99999999999999999999999", "9" * 300, "-1"]  # 2^63: one past SQLite's integers
EXTRA_PARAMETERS = {"page", "next", "size", "xem", "q", "tu", "den", "field", "level", "point", "sort"}
SKIPPED_PREFIXES = ("cms/", "django-admin/", "documents/", "static/", "media/")


def _parameter_names():
    import portal.urls  # noqa: F401 - every view module, so every form class, is imported

    names, seen = set(EXTRA_PARAMETERS), set()
    stack = [forms.Form, forms.ModelForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                names.update(getattr(sub, "base_fields", {}))
    return sorted(names)


def _routes(patterns=None, prefix=""):
    """(route text with <converter:name> placeholders) for every URL pattern."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _concrete(route, ids):
    """Each way of filling the route's placeholders: existing objects and hostile values."""
    import re

    placeholders = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not placeholders:
        yield route
        return
    choices = []
    for converter, name in placeholders:
        if converter == "uuid":
            choices.append([ids.get("token", "00000000-0000-0000-0000-000000000000")])
        elif converter in ("int", "id", ""):
            choices.append([str(ids[name])] if name in ids else PATH_VALUES)
        else:
            choices.append([str(ids.get(name, "x")), "9" * 300, "‮", "%00"])  # %00: a NUL in the path
    for values in itertools.product(*choices):
        text = route
        for (converter, name), value in zip(placeholders, values):
            text = re.sub(r"<(?:\w+:)?" + name + ">", value, text, count=1)
        yield text
    if any(name in ids for _c, name in placeholders):  # hostile values in place of the real ids too
        text = route
        for converter, name in placeholders:
            text = re.sub(r"<(?:\w+:)?" + name + ">", str(2**63) if converter in ("int", "id") else "x", text)
        yield text


@functools.cache
def _bomb():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (30000, 30000)).save(buffer, format="PNG")
    return buffer.getvalue()


def _hostile_files():
    return [
        SimpleUploadedFile("bomb.png", _bomb(), content_type="image/png"),
        SimpleUploadedFile("x.pdf", b"%PDF-1.4\n<?php system($_GET['c']); ?>", content_type="application/pdf"),
        SimpleUploadedFile("../../x.pdf", b"", content_type="application/pdf"),
    ]


@pytest.fixture
def ids(world):
    ensure_site()
    draft_owner = submitted(world)
    done = returned(world)
    counter = walk_in(world.simple, world.commune_agency, world.xa_motcua, scans=[png()])
    result = done.events.get(action="approve").files.first()
    return {
        "pk": draft_owner.pk,
        "procedure_id": world.simple.pk,
        "document_id": draft_owner.documents.first().pk,
        "file_id": result.pk,
        "event_id": done.events.first().pk,
        "action": "receive",
        "number": "01",
        "code": "en",
        "token": str(result.verification_token or "00000000-0000-0000-0000-000000000000"),
        "uidb64": "MQ",
        "pending": counter.pk,
    }


def _users(world):
    # The clerk reaches the documents' pages with their forms (registering with hostile files too).
    clerk = staff(Role.CLERK, world.commune_agency, username="xa.vanthu")
    return {
        "anonymous": None,
        "citizen": world.citizen,
        "officer": world.xa_motcua,
        "monitor": world.monitor,
        "clerk": clerk,
    }


def _client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        sign_in_verified(client, user) if user.is_staff else client.force_login(user)
    return client


# One test per role: the same walk, in pieces the parallel run can share out.
@pytest.mark.parametrize("role", ["anonymous", "citizen", "officer", "monitor", "clerk"])
def test_no_route_answers_5xx_to_hostile_values(world, ids, vneid, role):
    # `vneid`: the fake provider is up, so that the sign-in routes meet the hostile values themselves
    # (with the provider down they answer 502, which tests/vneid_adapter covers).
    names = _parameter_names()
    routes = [r for r in _routes() if not r.startswith(SKIPPED_PREFIXES)]
    pages = [page.url for page in Page.objects.live().specific() if page.url][:12]
    failures = {}
    user = _users(world)[role]
    for route in routes + pages:
        for url in _concrete(route, ids):
            hostile_path = url not in (route, next(_concrete(route, ids)))
            client = _client(user)
            path = "/" + url.lstrip("/")
            # A hostile path gets one request per method; a real one every hostile value.
            for value in HOSTILE[10:11] if hostile_path else HOSTILE:
                for method in ("get", "post"):
                    payload = {name: value for name in names}
                    if method == "post":
                        payload.update(zip(("document", "files", "scans"), _hostile_files()))
                    status = getattr(client, method)(path, payload).status_code
                    if status >= 500:
                        failures.setdefault(f"{role} {method.upper()} {route}", f"{path[:80]} value={value[:30]!r}")
                if user is not None and "dang-xuat" in path:
                    client = _client(user)
    assert not failures, "\n".join(f"{where}: {example}" for where, example in failures.items())


@pytest.mark.parametrize("path", ["/cms/", "/django-admin/"])
def test_framework_entry_pages_survive_hostile_queries(world, path):
    client = _client(world.xa_lanhdao)
    for value in HOSTILE:
        assert client.get(path, {"q": value, "p": value, "page": value}).status_code < 500


@pytest.mark.parametrize(
    ("who", "path", "query", "expected"),
    [
        ("anonymous", "/ngon-ngu/en/", {"next": "abc"}, {302}),
        ("anonymous", "/thu-tuc/", {"field": "9" * 23}, {200}),
        ("anonymous", "/thu-tuc/", {"page": "9" * 5000}, {200}),
        ("officer", "/can-bo/", {"size": "9" * 5000}, {400}),
        ("officer", "/can-bo/tim-kiem/", {"received_to": "9999-12-31"}, {200, 400}),
        ("officer", "/can-bo/tim-kiem/", {"received_from": "0001-01-01"}, {200, 400}),
        ("monitor", "/can-bo/bao-cao/", {"tu": "0000-01"}, {400}),
        ("monitor", "/can-bo/bao-cao/", {"den": "9999-12"}, {400}),
        ("monitor", "/can-bo/bao-cao/", {"tu": "0001-01", "den": "9998-12"}, {400}),  # was 200 after 41 s
    ],
)
def test_the_500s_seen_in_the_attack_are_answers_now(world, who, path, query, expected):
    ensure_site()
    response = _client(_users(world)[who]).get(path, query)
    assert response.status_code in expected
    if path == "/ngon-ngu/en/":
        assert response["Location"] == "/"
