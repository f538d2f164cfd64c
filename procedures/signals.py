"""What the dossier services announce once their transaction has committed. The services do not know
who acts on it: procedures.tasks listens and queues its Celery work, so the services never import
the tasks (which import the services)."""

from django.dispatch import Signal

# event_id: an event and its files are committed; its applicant may need a notification.
event_committed = Signal()
# dossier_id: a filed dossier's applicant is not yet confirmed by the population registry.
identity_unverified = Signal()
# dossier_id: a filed dossier's declarations (from its electronic forms) are waiting to be drawn.
declarations_waiting = Signal()
# Sent inside the transaction (the access log is written with what it records): actor, personal_id,
# what ("store": an officer read a citizen's store; "reuse": a paper of it attached), item, dossier,
# legal_ground.
store_used = Signal()
