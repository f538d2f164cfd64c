"""Business operations of the procedures domain. Views, admin, API and commands call these."""

from procedures.models.catalog import validate_route

from .catalog import import_catalog
from .codes import next_dossier_code
from .lifecycle import (
    accept_transfer,
    approve,
    create_draft,
    file_at_counter,
    issue_apology,
    propose,
    receive,
    reject,
    request_supplement,
    return_result,
    send_back,
    start_processing,
    stop,
    submit,
    supply,
    transfer,
    withdraw,
)
from .routing import resolve_step_agency

__all__ = [
    "accept_transfer",
    "approve",
    "create_draft",
    "file_at_counter",
    "import_catalog",
    "issue_apology",
    "next_dossier_code",
    "propose",
    "receive",
    "reject",
    "request_supplement",
    "resolve_step_agency",
    "return_result",
    "send_back",
    "start_processing",
    "stop",
    "submit",
    "supply",
    "transfer",
    "validate_route",
    "withdraw",
]
