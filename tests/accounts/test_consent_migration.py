"""Consents moving from privacy to accounts keep their rows, their content type and its grants."""

import pytest
from django.db import connection

from tests.government.test_migration import back_to_the_latest_schema, migrate  # noqa: F401

BEFORE = [("privacy", "0001_initial"), ("accounts", "0004_enrolment_codes")]
AFTER = [("privacy", "0002_consent_moves_to_accounts")]


# serialized_rollback: the rows the data migrations wrote (document types…) are reloaded when the test
# starts, whatever transactional test emptied the database before it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_rows_content_types_and_permissions(back_to_the_latest_schema):  # noqa: F811
    old = migrate(BEFORE)
    content_types = old.get_model("contenttypes", "ContentType")
    permission = old.get_model("auth", "Permission")
    consent_type = content_types.objects.get_or_create(app_label="privacy", model="consent")[0]
    grant = permission.objects.get_or_create(
        content_type=consent_type, codename="view_consent", defaults={"name": "Can view"}
    )[0]
    group = old.get_model("auth", "Group").objects.create(name="Bảo vệ dữ liệu cá nhân")
    group.permissions.add(grant)
    user = old.get_model("accounts", "User").objects.create(username="congdan.chuyen")
    old.get_model("privacy", "Consent").objects.create(user=user, purpose="sms", terms_version="1", method="settings")

    new = migrate(AFTER)
    assert new.get_model("accounts", "Consent").objects.filter(user_id=user.pk, purpose="sms").exists()
    moved = new.get_model("contenttypes", "ContentType").objects.get(pk=consent_type.pk)
    assert (moved.app_label, moved.model) == ("accounts", "consent")
    assert (
        new.get_model("auth", "Group")
        .objects.get(name="Bảo vệ dữ liệu cá nhân")
        .permissions.filter(pk=grant.pk)
        .exists()
    )
    assert "privacy_consent" in connection.introspection.table_names()
