from django.conf import settings
from django.core.management.base import BaseCommand

from procedures.services import reference_data as ref

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = (
        "Generate the unit and agency fixtures of a province from the official unit table (vietnamadminunits), "
        "and its two-level catalogue from the three-level one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--province", default="Thái Nguyên", help="short province name, as in the table")
        parser.add_argument("--slug", default="thai-nguyen", help="file name stem of the fixtures")

    def handle(self, province, slug, **options):
        for model in (ref.LEGACY, ref.CURRENT):
            units = ref.read_unit_table(province, model)
            ref.write_json(FIXTURES / "units" / f"{slug}-{model}.json", units)
            agencies = ref.build_agencies(units, centers=model == ref.CURRENT)
            ref.write_json(FIXTURES / "agencies" / f"{slug}-{model}.json", agencies)
            levels = {}
            for unit in units:
                levels[unit["level"]] = levels.get(unit["level"], 0) + 1
            self.stdout.write(f"{model}: {levels} units, {len(agencies)} agencies")
        legacy = ref.read_json(FIXTURES / "catalog" / f"{slug}-{ref.LEGACY}.json")
        current = ref.two_level_catalogue(legacy)
        ref.write_json(FIXTURES / "catalog" / f"{slug}-{ref.CURRENT}.json", current)
        self.stdout.write(f"{ref.CURRENT} catalogue: {len(current['procedures'])} procedures")
