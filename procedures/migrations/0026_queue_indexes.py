from django.db import migrations, models


class Migration(migrations.Migration):
    """The work queue's default view read from the front of an index per (agency, state) in due order
    (issue 37). The new indexes extend the old ones, which they replace; they are built first so that
    no query is left without one in between."""

    dependencies = [
        ("procedures", "0025_vietnamese_order"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["receiving_agency", "state", "due_at", "id"], name="dossier_desk_queue_idx"),
        ),
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["current_agency", "state", "due_at", "id"], name="dossier_holder_queue_idx"),
        ),
        migrations.RemoveIndex(model_name="dossier", name="procedures__receivi_bf6e9d_idx"),
        migrations.RemoveIndex(model_name="dossier", name="procedures__current_493698_idx"),
    ]
