"""Issue 21, item 15: an editor working in Vietnamese meets no English in the Wagtail admin pages
they use. Every text on those pages that is one of Wagtail's own messages must come out translated
(from Wagtail's Vietnamese catalogue or from locale_overrides/)."""

import json
import re
from pathlib import Path

import pytest
import wagtail
from django.test import Client
from django.utils import translation

from portal.catalog.models import ProcedureIndexPage, ProcedurePage
from portal.content.models import NewsIndexPage, NewsPage
from portal.home.services import ensure_site
from tests.factories import UserFactory, sign_in_verified

pytestmark = pytest.mark.django_db

MSGID = re.compile(r'^msgid "(.+)"$', re.M)


def wagtail_messages():
    """Wagtail's single-line English messages (its en catalogues list every one)."""
    messages = set()
    for catalogue in Path(wagtail.__file__).parent.rglob("locale/en/LC_MESSAGES/django.po"):
        messages.update(
            m.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            for m in MSGID.findall(catalogue.read_text(encoding="utf-8"))
        )
    return messages


def texts(html):
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    found = set(re.findall(r">([^<>]{2,120})<", html))
    found |= set(re.findall(r'(?:title|aria-label|placeholder)="([^"]{2,120})"', html))
    return {" ".join(text.split()) for text in found}


def test_the_editors_pages_have_no_untranslated_wagtail_text(world):
    ensure_site()
    editor = sign_in_verified(Client(), UserFactory(username="bientap", is_staff=True, is_superuser=True))
    index, procedure_page = ProcedureIndexPage.objects.get(locale__language_code="vi"), ProcedurePage.objects.first()
    news_index = NewsIndexPage.objects.get(locale__language_code="vi")
    news = NewsPage.objects.filter(locale__language_code="vi").first()
    urls = [
        "/cms/",
        "/cms/pages/",
        f"/cms/pages/{index.pk}/",
        f"/cms/pages/{procedure_page.pk}/edit/",
        f"/cms/pages/{news.pk}/edit/",
        f"/cms/pages/{news_index.pk}/",
        f"/cms/pages/{news.pk}/history/",
        f"/cms/pages/add/content/newspage/{news_index.pk}/",
        "/cms/images/",
        "/cms/documents/",
        f"/cms/pages/{news.pk}/unpublish/",
        f"/cms/pages/{news.pk}/delete/",
        "/cms/pages/search/?q=tin",
        "/cms/pages/search/?q=zzzkhongco",
    ]
    messages = wagtail_messages()
    english = {}
    with translation.override("vi"):
        for url in urls:
            response = editor.get(url)
            assert response.status_code == 200, url
            for text in texts(response.content.decode()) & messages:
                if translation.gettext(text) == text:
                    english.setdefault(text, url)
    assert english == {}


def test_wagtails_workflow_and_groups_are_named_in_vietnamese(world):
    from django.contrib.auth.models import Group
    from wagtail.models import Task

    ensure_site()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert set(Group.objects.values_list("name", flat=True)) >= {"Biên tập viên", "Biên tập viên trưởng"}
    with translation.override("vi"):
        assert translation.gettext("Embed") == "Nhúng nội dung"
        assert translation.gettext("Save draft") == "Lưu nháp"


def test_wagtails_scripts_speak_vietnamese_too(world):
    ensure_site()
    editor = sign_in_verified(Client(), UserFactory(username="bientap", is_staff=True, is_superuser=True))
    with translation.override("vi"):
        catalogue = editor.get("/cms/jsi18n/").content.decode()
    for vietnamese in ("Viết nội dung, hoặc gõ", "Đang tự động lưu…", "Thu gọn tất cả"):
        assert json.dumps(vietnamese)[1:-1] in catalogue or vietnamese in catalogue
