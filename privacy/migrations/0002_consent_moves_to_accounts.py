# Consents now belong to accounts (accounts.0005 takes the table over): privacy forgets the model
# without touching the table.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("accounts", "0005_consent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Consent")],
        ),
    ]
