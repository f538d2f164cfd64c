"""A dossier handed over to a successor agency by a reorganisation (issue 38, reorganisation app).

The dossier keeps its state, its step and its due times: the move is the State's doing, not the
agency's, so no working time is lost or charged. What the old agency did stays in the history (events,
completed steps, the receipt it issued and its receiving desk, reprinted as issued); what is still to
be done goes to the successor: the holder, the steps not yet completed, the desk that hands the
result over and, for a dossier not yet received (or a draft), the desk that will receive it.
"""

from django.db import transaction

from government.selectors import role_of
from procedures.models import DossierEvent, DossierState

ACTION = "reorganise"
NOT_YET_RECEIVED = (DossierState.DRAFT, DossierState.SUBMITTED)


def hand_over(dossier, successors, *, actor, reference, at, open_steps=None):
    """Move what the closing agencies (`successors`: old agency → its successor for this dossier) still
    have to do on `dossier`; log it once; return whether anything moved (a second run moves nothing)."""
    by_id = {old.pk: new for old, new in successors.items()}
    old_code = {old.pk: old.electronic_code for old in successors}
    moves, changed = {}, []
    if dossier.current_agency_id in by_id:
        moves[old_code[dossier.current_agency_id]] = by_id[dossier.current_agency_id]
        dossier.current_agency = by_id[dossier.current_agency_id]
        changed.append("current_agency")
    if dossier.receiving_agency_id in by_id and dossier.state in NOT_YET_RECEIVED:
        moves[old_code[dossier.receiving_agency_id]] = by_id[dossier.receiving_agency_id]
        dossier.receiving_agency = by_id[dossier.receiving_agency_id]
        changed.append("receiving_agency")
    elif dossier.result_desk_id in by_id and dossier.state not in NOT_YET_RECEIVED:
        # the old receipt stays the old desk's, reprinted as issued; the result is handed over here
        moves[old_code[dossier.result_desk_id]] = by_id[dossier.result_desk_id]
        dossier.return_agency = by_id[dossier.result_desk_id]
        changed.append("return_agency")
    if open_steps is None:  # the caller may have read them for many dossiers at once
        open_steps = dossier.steps.filter(completed_at__isnull=True)
    steps = [step for step in open_steps if step.agency_id in by_id]
    if not changed and not steps:
        return False
    with transaction.atomic():
        for step in steps:
            moves[old_code[step.agency_id]] = by_id[step.agency_id]
            step.agency = by_id[step.agency_id]
            step.save(update_fields=["agency"])
        if changed:
            dossier.save(update_fields=changed)
        DossierEvent.objects.create(
            dossier=dossier,
            action=ACTION,
            from_state=dossier.state,
            to_state=dossier.state,
            actor=actor,
            actor_role=role_of(actor),
            agency=dossier.current_agency,
            comment=reference,
            data={
                "plan": reference,
                "moves": {old: new.electronic_code for old, new in moves.items()},
                "steps": [step.index for step in steps],
            },
            created_at=at,
        )
    return True
