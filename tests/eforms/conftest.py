import json

import pytest
from django.conf import settings


def definition(code):
    return json.loads((settings.BASE_DIR / "fixtures" / "eforms" / f"{code}.json").read_text(encoding="utf-8"))


@pytest.fixture
def record_form(world):
    """world.simple's "Tờ khai" becomes the criminal record request form."""
    document = world.simple.required_documents.get()
    document.eform = definition("2.001417")
    document.save()
    return document


@pytest.fixture
def citizen_client(client, world):
    client.force_login(world.citizen)
    return client
