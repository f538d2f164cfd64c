from django.db import migrations, models


def measure_existing(apps, schema_editor):
    """Files attached before sizes were recorded: measure them on storage (a missing one stays 0)."""
    EventFile = apps.get_model("procedures", "DossierEventFile")
    for item in EventFile.objects.filter(size=0).only("pk", "file").iterator(chunk_size=500):
        try:
            size = item.file.size
        except (OSError, ValueError):
            continue
        EventFile.objects.filter(pk=item.pk).update(size=size)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0009_required_document_template_file")]

    operations = [
        migrations.AddField(
            model_name="dossiereventfile",
            name="size",
            field=models.PositiveBigIntegerField(default=0, verbose_name="dung lượng (byte)"),
        ),
        migrations.RunPython(measure_existing, migrations.RunPython.noop),
    ]
