from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from api.models import Scope
from api.services import register_system
from government.models import Agency


class Command(BaseCommand):
    help = "Register a system that uses the API and print its key (shown once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--scope", choices=Scope.values, default=Scope.READ)
        parser.add_argument("--agency", help="the agency's electronic code (empty: the whole province, read only)")
        parser.add_argument("--acting-user", help="user name of the staff account the system acts as (transitions)")

    def handle(self, *args, name, scope, agency, acting_user, **options):
        try:
            agency = Agency.objects.get(electronic_code=agency) if agency else None
            user = get_user_model().objects.get(username=acting_user) if acting_user else None
            client, key = register_system(name=name, scope=scope, agency=agency, acting_user=user)
        except (Agency.DoesNotExist, get_user_model().DoesNotExist) as missing:
            raise CommandError(str(missing)) from None
        except ValidationError as invalid:
            raise CommandError("; ".join(m for ms in invalid.message_dict.values() for m in ms)) from None
        self.stdout.write(key)
