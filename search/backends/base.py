"""What every search backend answers, and the shapes of its answers."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProcedureHits:
    ids: list  # this page, best first
    total: int
    facets: dict = field(default_factory=dict)  # {"level": {value: count}, "field": {…}, "point": {…}}


@dataclass(frozen=True)
class DossierQuery:
    code: str = ""  # exact
    name: str = ""  # folded, every word (the last may be unfinished)
    personal_id: str = ""  # exact
    procedure_id: int | None = None
    state: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    # early | on_time | late: returned so; overdue: on the books past its due time; late_any: either of the last two
    timeliness: str = ""
    declared: str = ""  # words in the key fields of the dossier's electronic forms (folded)
    now: dt.datetime | None = None  # what "overdue" is measured against (tests pin it)

    @property
    def empty(self):
        return not any(
            [
                self.code,
                self.name,
                self.personal_id,
                self.procedure_id,
                self.state,
                self.received_from,
                self.received_to,
                self.timeliness,
                self.declared,
            ]
        )


TIMELINESS_FILTERS = ("early", "on_time", "late", "overdue", "late_any")


@dataclass(frozen=True)
class DossierHits:
    ids: list
    total: int
    capped: bool = False  # there are more than `total`; how many was not counted


DOCUMENT_KINDS = ("incoming", "outgoing")
DOCUMENT_HITS_LIMIT = 1000  # a register is narrowed further by its filters; more than this is a query to refine
