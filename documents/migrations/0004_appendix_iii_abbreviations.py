"""Abbreviations corrected to Decree 30/2020, appendix III as DOMAIN.md §13 reads it: "QyĐ" for a
quy định (not "QYĐ"), "GN" for a bản ghi nhớ, "TTh" for a bản thỏa thuận. Types an administrator
renamed or gave another abbreviation are left as they are."""

from django.db import migrations

FIXES = [("Quy định", "QYĐ", "QyĐ"), ("Bản ghi nhớ", "BGN", "GN"), ("Bản thỏa thuận", "BTT", "TTh")]


def fix(apps, schema_editor):
    document_type = apps.get_model("documents", "DocumentType")
    for name, old, new in FIXES:
        document_type.objects.filter(name=name, abbreviation=old).update(abbreviation=new)


def unfix(apps, schema_editor):
    document_type = apps.get_model("documents", "DocumentType")
    for name, old, new in FIXES:
        document_type.objects.filter(name=name, abbreviation=new).update(abbreviation=old)


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_incoming_and_outgoing")]

    operations = [migrations.RunPython(fix, unfix)]
