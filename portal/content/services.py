import datetime as dt
import json

from django.conf import settings
from django.db import transaction

from procedures.services.demo import is_two_level

from .models import HelpPage, NewsIndexPage, NewsPage

DEMO_CONTENT = settings.BASE_DIR / "fixtures" / "content" / "pages.json"


@transaction.atomic
def ensure_demo_content(home):
    """The news index with the unit tree's news and the help pages, once; editors change them afterwards."""
    content = json.loads(DEMO_CONTENT.read_text(encoding="utf-8"))
    news_index = NewsIndexPage.objects.first()
    if news_index is None:
        news_index = home.add_child(instance=NewsIndexPage(**content["news_index"]))
    tree = "2025" if is_two_level() else "legacy"
    for item in content["news"]:
        item = dict(item)
        if item.pop("tree", tree) != tree:
            continue  # three levels are news only where there are three
        if not NewsPage.objects.filter(slug=item["slug"]).exists():
            news_index.add_child(instance=NewsPage(**{**item, "date": dt.date.fromisoformat(item["date"])}))
    for item in content["help"]:
        if not HelpPage.objects.filter(slug=item["slug"]).exists():
            home.add_child(instance=HelpPage(**item))
