"""Moving the shared models out of procedures keeps the rows, the content types and the grants."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("procedures", "0019_dashboard_indexes"), ("api", "0001_initial")]
AFTER = [("procedures", "0020_move_shared_models_to_government"), ("api", "0002_agency_in_government")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.fixture
def back_to_the_latest_schema():
    """Tests that run after this one (transactional ones, on the same database) need every migration."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_rows_content_types_and_permissions(back_to_the_latest_schema):
    old = migrate(BEFORE + [("government", None)])
    content_types = old.get_model("contenttypes", "ContentType")
    permission = old.get_model("auth", "Permission")
    unit_type = content_types.objects.get_or_create(app_label="procedures", model="administrativeunit")[0]
    grant = permission.objects.get_or_create(
        content_type=unit_type, codename="change_administrativeunit", defaults={"name": "Can change"}
    )[0]
    group = old.get_model("auth", "Group").objects.create(name="Biên tập đơn vị")
    group.permissions.add(grant)
    old.get_model("procedures", "AdministrativeUnit").objects.create(
        code="99", name="Tỉnh Thử", short_name="Thử", unit_type="Tỉnh", level="province"
    )

    new = migrate(AFTER)
    assert new.get_model("government", "AdministrativeUnit").objects.filter(code="99").exists()
    moved = new.get_model("contenttypes", "ContentType").objects.get(pk=unit_type.pk)
    assert (moved.app_label, moved.model) == ("government", "administrativeunit")
    assert new.get_model("auth", "Group").objects.get(name="Biên tập đơn vị").permissions.filter(pk=grant.pk).exists()
