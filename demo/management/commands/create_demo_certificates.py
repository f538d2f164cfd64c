from django.core.management.base import BaseCommand

from demo.pki import demo_agency_certificate, demo_ca
from demo.procedures import demo_agencies


class Command(BaseCommand):
    help = "Create the demo certificate authority and a signing certificate for each demo agency (var/pki)."

    def handle(self, **options):
        _key, ca = demo_ca()
        self.stdout.write(f"CA minh họa: {ca.subject.rfc4514_string()}")
        agencies = {agency.pk: agency for pair in demo_agencies().values() for agency in pair}
        for agency in agencies.values():
            self.stdout.write(f"  {agency.name}: {demo_agency_certificate(agency)}")
