"""Work waiting in each demo officer's queue (`make run`): walk-in dossiers of the demo citizens at
every demo desk, taken by the real services to where the one-stop officer, the specialist and the
leader each have something to do. Safe to run again: a desk that has them is left alone."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count

from demo.procedures import CITIZENS, demo_agencies
from procedures import services
from procedures.exceptions import DomainError
from procedures.models import Dossier, Outcome
from procedures.selectors import procedures_received_at
from procedures.services import counter

# (the citizen, where the dossier stops): the officer hands a result over, the leader approves, the
# specialist starts on a new one
WAITING = [("congdan1", "result_ready"), ("congdan2", "awaiting_approval"), ("congdan1", "received")]


def seed_waiting_work():
    """Returns how many dossiers were written."""
    written = 0
    people = {username: (f"{last} {first}", personal_id) for username, last, first, personal_id, *_ in CITIZENS}
    for prefix, (desk, handling) in demo_agencies().items():
        staff = {
            role: get_user_model().objects.get(username=f"{prefix}.{role}")
            for role in ("motcua", "chuyenvien", "lanhdao")
        }
        # what this seed wrote before: received by the demo officer (the synthetic year's dossiers,
        # the demo citizens' among them, were received by its own account)
        if Dossier.objects.filter(
            receiving_agency=desk, events__action="receive", events__actor=staff["motcua"]
        ).exists():
            continue
        # one step, handled where the demo specialist and leader work, whatever the applicant's commune
        procedures = (
            procedures_received_at(desk)
            .annotate(steps=Count("route_steps"))
            .filter(steps=1)
            .filter(is_non_boundary=False, route_steps__agency_kind=handling.kind, route_steps__sector=handling.sector)
            .prefetch_related("required_documents")
        )
        for procedure in procedures:
            try:
                written += _take(procedure, desk, staff, people)
                break
            except DomainError:
                continue  # this one needs what a demo cannot give at the counter (a declaration…): the next
    return written


@transaction.atomic
def _take(procedure, desk, staff, people):
    for username, stop in WAITING:
        name, personal_id = people[username]
        components = [
            counter.ReceivedComponent(required_document=document, received=True, unscanned_reason="paper_kept")
            for document in procedure.required_documents.all()
        ]
        dossier = counter.receive_walk_in(
            procedure,
            desk,
            staff["motcua"],
            batch=uuid.uuid4(),
            components=components,
            applicant_name=name,
            applicant_personal_id=personal_id,
            applicant_phone="0912345678",
        )
        if stop == "received":
            continue
        services.start_processing(dossier, staff["chuyenvien"])
        services.propose(dossier, staff["chuyenvien"], outcome=Outcome.RESULT, note="Đủ điều kiện, đề nghị cấp.")
        if stop == "result_ready":
            services.approve(dossier, staff["lanhdao"])
    return len(WAITING)
