import datetime as dt
import json

from django.conf import settings
from django.db import transaction

from government.selectors import is_two_level
from portal.home.translation import default_locale_pages, ensure_translation

from .models import HelpPage, NewsIndexPage, NewsPage

DEMO_CONTENT = settings.BASE_DIR / "fixtures" / "content" / "pages.json"


@transaction.atomic
def ensure_demo_content(home):
    """The news index with the unit tree's news and the help pages, each with its English translation,
    once; editors change them afterwards."""
    content = json.loads(DEMO_CONTENT.read_text(encoding="utf-8"))
    item = dict(content["news_index"])
    english = item.pop("en")
    news_index = default_locale_pages(NewsIndexPage).first()
    if news_index is None:
        news_index = home.add_child(instance=NewsIndexPage(**item))
    ensure_translation(news_index, "en", **english)
    tree = "2025" if is_two_level() else "legacy"
    for item in content["news"]:
        item = dict(item)
        english = item.pop("en")
        if item.pop("tree", tree) != tree:
            continue  # three levels are news only where there are three
        page = default_locale_pages(NewsPage).filter(slug=item["slug"]).first()
        if page is None:
            page = news_index.add_child(instance=NewsPage(**{**item, "date": dt.date.fromisoformat(item["date"])}))
        ensure_translation(page, "en", **english)
    for item in content["help"]:
        item = dict(item)
        english = item.pop("en")
        page = default_locale_pages(HelpPage).filter(slug=item["slug"]).first()
        if page is None:
            page = home.add_child(instance=HelpPage(**item))
        ensure_translation(page, "en", **english)
