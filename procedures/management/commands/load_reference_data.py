from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from government.models import AdministrativeUnit
from procedures.services import import_catalog
from procedures.services import reference_data as ref

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = (
        "Load the calendar decisions, administrative units, agencies and the procedure catalog from fixtures/ "
        "(safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--slug", default="thai-nguyen")
        parser.add_argument(
            "--model",
            choices=[ref.LEGACY, ref.CURRENT],
            default=ref.LEGACY,
            help="three-level (legacy, default) or two-level (2025) unit tree",
        )

    def handle(self, slug, model, **options):
        try:
            units = ref.read_json(FIXTURES / "units" / f"{slug}-{model}.json")
            agencies = ref.read_json(FIXTURES / "agencies" / f"{slug}-{model}.json")
            catalog = ref.read_json(FIXTURES / "catalog" / f"{slug}-{model}.json")
            calendar = ref.read_json(FIXTURES / "calendar" / "vietnam.json")
        except FileNotFoundError as error:
            raise CommandError(f"missing fixture {error.filename}; run generate_reference_data first") from None
        self.stdout.write(f"calendar decisions added: {ref.load_calendar(calendar)}")
        if AdministrativeUnit.objects.filter(valid_until__isnull=False).exists():
            # A reorganisation has changed the tree (reorganisation app): the fixtures would undo it.
            self.stdout.write("units and agencies: kept (a reorganisation plan has been applied to them)")
        else:
            self.stdout.write(f"units: {ref.load_units(units)}")
            self.stdout.write(f"agencies: {ref.load_agencies(agencies)}")
        plan = import_catalog(catalog, base=FIXTURES / "catalog")
        self.stdout.write(
            f"procedures: {len(plan.new_procedures)} created, {len(plan.new_versions)} new versions, "
            f"{len(plan.changed_versions)} changed, {plan.unchanged} unchanged"
        )
        for refusal in plan.refused:
            self.stderr.write(f"refused: {refusal}")
