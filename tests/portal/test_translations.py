import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from procedures import services
from procedures.exceptions import TransitionNotAllowed
from procedures.models import DossierState
from tests.procedures.test_lifecycle import online

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
