import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from procedures import services
from procedures.exceptions import TransitionNotAllowed
from procedures.models import DossierState
from tests.factories import online

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_english_catalogue_is_complete():
    po = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po
    untranslated = re.findall(r'\nmsgid "(.+)"\nmsgstr ""\n', po)
    assert untranslated == []
    # The compiled catalogues are committed: a fresh machine has no msgfmt to build them.
    for lang in ("vi", "en"):
        assert (LOCALE / lang / "LC_MESSAGES" / "django.mo").is_file()


def test_labels_and_domain_errors_follow_the_active_language(world):
    dossier = online(world)
    with translation.override("en"):
        assert str(DossierState.SUPPLEMENT_REQUESTED.label) == "Supplement requested"
        with pytest.raises(TransitionNotAllowed) as error:
            services.approve(dossier, world.xa_lanhdao)
        assert str(error.value.message) == "You cannot approve while the dossier is “Submitted”."
    with translation.override("vi"):
        assert str(DossierState.SUPPLEMENT_REQUESTED.label) == "Yêu cầu bổ sung"


def test_vietnamese_by_default_whatever_the_browser_says(client, db):
    response = client.get("/django-admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


def test_english_when_the_user_chooses_it(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/django-admin/login/"})
    assert response.status_code == 302
    response = client.get("/django-admin/login/")
    assert response["Content-Language"] == "en"
    assert "Log in" in response.content.decode()
    client.cookies["django_language"] = "xx"  # unknown codes fall back to Vietnamese
    assert client.get("/django-admin/login/")["Content-Language"] == "vi"
