"""Demo accounts shared by every system's demo data (procedures, documents, meetings): one password,
and the line each login prints. Never used outside `make run` and the tests."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .models import StaffRole

DEMO_PASSWORD = "MotCua@2026"


@dataclass
class DemoLogin:
    username: str
    role: str
    agency: str
    personal_id: str = ""


def demo_user(username, first_name, last_name, **extra):
    User = get_user_model()
    user, _ = User.objects.update_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name, **extra}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def give_role(user, role, agency=None):
    StaffRole.objects.update_or_create(user=user, defaults={"role": role, "agency": agency})
