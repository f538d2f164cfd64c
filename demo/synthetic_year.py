"""A realistic synthetic year of dossiers for Thái Nguyên, for the dashboard at scale.

Dossiers go to the real receiving agencies of the real catalog, with mixes of level, channel,
timeliness, withdrawals, refusals, supplements and ratings, and the dashboard's counts made from
the same rows. PostgreSQL gets them through COPY; SQLite through bulk inserts. Resolved dossiers
get their route steps, each with its timeliness (a late dossier has one late step, charged to that
step's agency), so both views of the dashboard and the lists behind its counts agree. Of the event
log only the entries the dashboard lists dossiers by are written (withdrawal, refusal, supplement
request): a million dossiers' full logs would be most of the time spent.
"""

import datetime as dt
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from citizen_registry_adapter.synthetic import population
from government.calendar import LOCAL_TZ, WorkingCalendar
from government.folding import fold
from government.models import Agency, UnitLevel
from government.selectors import calendar_exceptions
from procedures.models import (
    AgencyMonthlyStat,
    ComponentForm,
    Dossier,
    DossierCodeSequence,
    DossierComponent,
    DossierEvent,
    DossierStep,
    MonthlyStat,
    Procedure,
    ProcedureMonthlyStat,
    ReceiptBookSequence,
    SatisfactionRating,
    TimeLimitKind,
    Timeliness,
    UnscannedReason,
    WeeklyStat,
)
from procedures.services.routing import resolve_step_agency
from procedures.sla import classify
from procedures.stats import period_keys, rebuild_rollups

LEVEL_SHARE = {UnitLevel.COMMUNE: 0.68, UnitLevel.DISTRICT: 0.22, UnitLevel.PROVINCE: 0.10}
ONLINE_SHARE = {"full": 0.62, "partial": 0.30}
# Unfinished dossiers stand at their first step, with their route planned, so that officers can
# carry on with them in the demo like with any other.
OPEN_STATES = ["received", "processing"]


# The inactive account the year's events and ratings are written by: what marks its dossiers.
ACCOUNT = "du-lieu-mau"


@dataclass
class Target:
    procedure: Procedure
    agencies: list
    weights: list
    steps: int
    desks: dict  # agency pk → the service center that receives for it, where there is one


def _targets(rng):
    agencies_by_point = defaultdict(list)
    centers = {}
    for agency in Agency.objects.select_related("unit"):
        agencies_by_point[(agency.unit.level, agency.kind, agency.sector)].append(agency)
        if agency.is_service_center:
            centers[agency.unit_id] = agency
    targets = defaultdict(list)
    for procedure in Procedure.objects.filter(is_active=True).prefetch_related("route_steps"):
        steps = list(procedure.route_steps.all())
        if not steps:
            continue
        first = steps[0]
        agencies = agencies_by_point[(first.level, first.agency_kind, first.sector)]
        if agencies:
            # Busy and quiet desks: a lognormal spread of sizes, as between a city ward and a mountain commune.
            weights = [rng.lognormvariate(0, 0.6) for _ in agencies]
            desks = {a.pk: centers[a.unit_id] for a in agencies if a.unit_id in centers}
            targets[first.level].append(Target(procedure, agencies, weights, len(steps), desks))
    return targets


def generate(count, *, end=None, seed=2026, out=sys.stderr, batch=20_000):
    """Write `count` dossiers received over the 365 days before `end`, and their dashboard counts."""
    rng = random.Random(seed)
    end = end or dt.datetime.now(LOCAL_TZ)
    start = end - dt.timedelta(days=365)
    calendar = WorkingCalendar(exceptions=calendar_exceptions())
    targets = _targets(rng)
    levels = [level for level in LEVEL_SHARE if targets.get(level)]
    level_weights = [LEVEL_SHARE[level] for level in levels]
    people = list(population().values())
    working_days = [
        day
        for day in (start.date() + dt.timedelta(days=n) for n in range(366))
        if calendar.is_working_day(day) and day <= end.date()
    ]
    rater = get_user_model().objects.get_or_create(username=ACCOUNT, defaults={"is_active": False})[0]
    events = []

    def log(dossier_id, action, at, from_state, to_state, agency_id, role="one_stop_officer"):
        events.append(
            DossierEvent(
                dossier_id=dossier_id,
                action=action,
                from_state=from_state,
                to_state=to_state,
                actor=rater,
                actor_role=role,
                agency_id=agency_id,
                created_at=at,
            )
        )

    required = {}  # procedure id → its required documents' ids
    components = []

    def filed(dossier_id, row, online, digital, procedure):
        """What every received dossier has from its first hours: the filing, the receipt, and at the
        counter what the desk received of each required document (online, the electronic copies)."""
        if online:
            log(dossier_id, "submit", row["submitted_at"], "draft", "submitted", row["receiving_agency_id"], "citizen")
        log(dossier_id, "receive", row["received_at"], "submitted", "received", row["receiving_agency_id"])
        if procedure.pk not in required:
            required[procedure.pk] = list(procedure.required_documents.values_list("pk", flat=True))
        form = ComponentForm.ELECTRONIC if online else ComponentForm.COPY
        reason = "" if digital else UnscannedReason.PAPER_KEPT
        components.extend(
            DossierComponent(dossier_id=dossier_id, required_document_id=pk, form=form, unscanned_reason=reason)
            for pk in required[procedure.pk]
        )

    def handled(dossier_id, row, planned, returned, refused, *, asked):
        """The way through the route to the result handed over, as the lifecycle logs it; a supplement
        asked for falls within the first step, however quick it was."""
        first = planned[0].agency.pk if planned else row["current_agency_id"]
        started = row["received_at"] + dt.timedelta(minutes=20)
        log(dossier_id, "start_processing", started, "received", "processing", first, "specialist")
        if asked:
            first_done = planned[1].started_at if len(planned) > 1 else row["decided_at"] - dt.timedelta(hours=1)
            span = max(first_done - started, dt.timedelta(minutes=3))
            log(
                dossier_id,
                "request_supplement",
                started + span * 0.3,
                "processing",
                "supplement_requested",
                first,
                "specialist",
            )
            log(dossier_id, "supply", started + span * 0.6, "supplement_requested", "processing", first, "citizen")
        for before, step in zip(planned, planned[1:]):
            log(dossier_id, "transfer", step.started_at, "processing", "transferred", before.agency.pk, "specialist")
            log(
                dossier_id,
                "accept_transfer",
                step.started_at + dt.timedelta(minutes=5),
                "transferred",
                "processing",
                step.agency.pk,
                "specialist",
            )
        deciding = planned[-1].agency.pk if planned else first
        decided = row["decided_at"]
        log(
            dossier_id,
            "propose",
            decided - dt.timedelta(hours=1),
            "processing",
            "awaiting_approval",
            deciding,
            "specialist",
        )
        end_state = "not_qualified" if refused else "result_ready"
        log(dossier_id, "approve", decided, "awaiting_approval", end_state, deciding, "leader")
        if not refused:
            log(dossier_id, "return_result", returned, "result_ready", "returned", row["receiving_agency_id"])

    def flush():
        writer.flush()
        writer.write_steps(steps)
        DossierEvent.objects.bulk_create(events, batch_size=10_000)
        DossierComponent.objects.bulk_create(components, batch_size=10_000)
        steps.clear()
        events.clear()
        components.clear()

    quality = {}  # per agency: how often it is late
    # Continue each desk's daily numbering where it stands, so real filings never reuse a code.
    sequences = defaultdict(int, {(s.agency_id, s.day): s.last_value for s in DossierCodeSequence.objects.all()})
    # The same for each desk's receipt book (Form 01's "Số thứ tự"), counted per year. Entries follow
    # the order the year is drawn in, not the clock: no report reads them in order.
    receipts = defaultdict(int, {(s.agency_id, s.year): s.last_value for s in ReceiptBookSequence.objects.all()})
    step_agencies, steps = {}, []
    due_cache = {}
    monthly, weekly = defaultdict(lambda: defaultdict(int)), defaultdict(lambda: defaultdict(int))
    ratings, written, started = [], 0, time.monotonic()
    writer = _CopyWriter() if connection.vendor == "postgresql" else _BulkWriter()

    def count_in(at, agency_id, procedure_id, **counts):
        month, week = period_keys(at)
        for name, value in counts.items():
            monthly[(month, agency_id, procedure_id)][name] += value
            weekly[(week, agency_id)][name] += value

    with transaction.atomic():
        for n in range(count):
            target = rng.choices(targets[rng.choices(levels, level_weights)[0]])[0]
            agency = rng.choices(target.agencies, target.weights)[0]
            desk = target.desks.get(agency.pk, agency)  # a center receives and forwards to the agency
            procedure = target.procedure
            day = rng.choice(working_days)
            minutes = rng.randrange(8 * 60, 16 * 60 + 30)
            received = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), LOCAL_TZ)
            if received > end:
                received = end - dt.timedelta(hours=rng.randrange(1, 48))
                day = received.astimezone(LOCAL_TZ).date()  # the code's date is the day it was received
            online = rng.random() < ONLINE_SHARE.get(procedure.online_level, 0.05)
            sequences[(desk.pk, day)] += 1
            code = f"{desk.electronic_code}-{day:%y%m%d}-{sequences[(desk.pk, day)]:04d}"
            slot = received.replace(minute=received.minute // 30 * 30)
            due = _due(procedure.time_limit, received, slot, calendar, due_cache)
            person = rng.choice(people)
            row = _row(code, procedure, desk, agency, online, person, received, due)
            late_share = quality.setdefault(agency.pk, rng.uniform(0.01, 0.12))

            if rng.random() < 0.02:  # refused at the desk before receipt
                row.update(
                    state="rejected",
                    current_agency_id=desk.pk,
                    received_at=None,
                    clock_started_at=None,
                    due_at=None,
                    appointment_at=None,
                    decision_note="Hồ sơ không thuộc thẩm quyền giải quyết.",
                )
                count_in(received, desk.pk, procedure.pk, rejected=1)
                log(writer.add(row), "reject", received, "submitted", "rejected", desk.pk)
                continue
            receipts[(desk.pk, received.year)] += 1
            row.update(receipt_year=received.year, receipt_number=receipts[(desk.pk, received.year)])
            digital = online or rng.random() < 0.78
            count_in(
                received,
                desk.pk,
                procedure.pk,
                received=1,
                digitised=int(digital),
                **{"received_online" if online else "received_counter": 1},
            )
            asked = received + dt.timedelta(hours=rng.randrange(2, 30)) if rng.random() < 0.08 else None
            if asked:
                count_in(asked, desk.pk, procedure.pk, supplements=1)
            if rng.random() < 0.025:
                withdrawn = received + dt.timedelta(days=rng.uniform(0.1, 3))
                if withdrawn < end:
                    row.update(state="withdrawn", decision_note="Công dân rút hồ sơ.")
                    count_in(withdrawn, desk.pk, procedure.pk, withdrawn=1, closed=1)
                    dossier_id = writer.add(row)
                    filed(dossier_id, row, online, digital, procedure)
                    log(dossier_id, "withdraw", withdrawn, "processing", "withdrawn", desk.pk)
                    if asked:
                        log(dossier_id, "request_supplement", asked, "processing", "supplement_requested", desk.pk)
                    continue
            outcome = rng.random()
            if outcome < late_share:
                returned, timeliness = due + dt.timedelta(days=rng.uniform(1, 9)), Timeliness.LATE
            elif outcome < late_share + 0.35:
                returned, timeliness = due - dt.timedelta(hours=rng.uniform(0.5, 5)), Timeliness.ON_TIME
            else:
                span = (due - received).total_seconds()
                returned, timeliness = received + dt.timedelta(seconds=span * rng.uniform(0.2, 0.7)), Timeliness.EARLY
            # The label is the rule's, not the draw's: a same-day dossier returned on its day is on time.
            returned = max(returned, received + dt.timedelta(minutes=10))
            timeliness = classify(returned, due, calendar)
            if returned >= end:  # not finished yet: still on the books
                row.update(state=rng.choice(OPEN_STATES), current_step_index=0, step_count=target.steps)
                dossier_id = writer.add(row)
                filed(dossier_id, row, online, digital, procedure)
                if row["state"] == "processing":
                    log(
                        dossier_id,
                        "start_processing",
                        received + dt.timedelta(minutes=20),
                        "received",
                        "processing",
                        agency.pk,
                        "specialist",
                    )
                steps += _plan(dossier_id, procedure, agency, received, calendar, step_agencies)
                if asked:
                    log(dossier_id, "request_supplement", asked, "processing", "supplement_requested", desk.pk)
                continue
            refused_on_merits = rng.random() < 0.015
            row.update(
                state="not_qualified" if refused_on_merits else "returned",
                returned_at=returned,
                current_agency_id=desk.pk,
                decided_at=returned - dt.timedelta(hours=2),
                timeliness=timeliness,
                proposed_outcome="refusal" if refused_on_merits else "result",
                step_count=target.steps,
                current_step_index=target.steps - 1,
            )
            count_in(
                returned,
                desk.pk,
                procedure.pk,
                **{f"resolved_{timeliness}": 1},
                closed=1,
                results_digital=int(rng.random() < 0.7),
                not_qualified=int(refused_on_merits),
            )
            dossier_id = writer.add(row)
            filed(dossier_id, row, online, digital, procedure)
            planned = _resolved_steps(
                dossier_id, procedure, agency, received, returned, timeliness, calendar, step_agencies, rng
            )
            handled(dossier_id, row, planned, returned, refused_on_merits, asked=bool(asked))
            for step in planned:
                steps.append(step)
                count_in(step.completed_at, step.agency.pk, procedure.pk, **{f"handled_{step.timeliness}": 1})
            if rng.random() < 0.12:
                score = rng.choices([5, 4, 3, 2, 1], [55, 30, 9, 4, 2])[0]
                rated = returned + dt.timedelta(hours=rng.randrange(1, 72))
                ratings.append((dossier_id, score, rated))
                count_in(rated, desk.pk, procedure.pk, rating_count=1, rating_sum=score)
            written = n + 1
            if written % batch == 0:
                flush()
                _progress(out, written, count, started)
        flush()
        _progress(out, count, count, started)
        _save_sequences(DossierCodeSequence, "day", sequences)
        _save_sequences(ReceiptBookSequence, "year", receipts)
        SatisfactionRating.objects.bulk_create(
            [SatisfactionRating(dossier_id=d, score=s, created_at=at, created_by=rater) for d, s, at in ratings],
            batch_size=10_000,
        )
        MonthlyStat.objects.bulk_create(
            [MonthlyStat(month=m, agency_id=a, procedure_id=p, **counts) for (m, a, p), counts in monthly.items()],
            batch_size=10_000,
        )
        WeeklyStat.objects.bulk_create(
            [WeeklyStat(week=w, agency_id=a, **counts) for (w, a), counts in weekly.items()], batch_size=10_000
        )
        with connection.cursor() as cursor:
            rebuild_rollups(cursor)
    out.write("\n")
    _analyze(Dossier, MonthlyStat, AgencyMonthlyStat, ProcedureMonthlyStat, WeeklyStat, SatisfactionRating)
    return {
        "dossiers": count,
        "ratings": len(ratings),
        "monthly_rows": len(monthly),
        "weekly_rows": len(weekly),
        "seconds": time.monotonic() - started,
    }


def _analyze(*models):
    """A million rows written at once: give the planner their statistics and the visibility map now,
    as autovacuum would later. Without statistics PostgreSQL reads the open dossiers through the
    wrong index, 5 to 10 times slower; without the visibility map, counting them from the index
    still visits the table (130 ms instead of 6). VACUUM cannot run inside a transaction (a test's)."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'{command} "{model._meta.db_table}"')


def _row(code, procedure, desk, agency, online, person, received, due):
    return {
        "code": code,
        "procedure_id": procedure.pk,
        "receiving_agency_id": desk.pk,
        "current_agency_id": agency.pk,
        "current_step_index": 0,
        "step_count": 0,
        "channel": "online" if online else "counter",
        "applicant_id": None,
        "applicant_name": person.full_name,
        "applicant_name_folded": fold(person.full_name),
        "applicant_personal_id": person.personal_id,
        "applicant_phone": "",
        "applicant_email": "",
        "applicant_address": person.permanent_residence,
        "applicant_date_of_birth": person.date_of_birth,
        "registry_consent_at": None,
        "result_delivery": "counter",
        "delivery_address": "",
        "fee_vnd": None,
        "fee_note": "",
        "identity_status": "verified",
        "state": "received",
        "proposed_outcome": "",
        "decision_note": "",
        "created_at": received - dt.timedelta(minutes=30),
        "submitted_at": received - dt.timedelta(minutes=20),
        "received_at": received,
        "clock_started_at": received,
        "due_at": due,
        "appointment_at": due,
        "paused_at": None,
        "decided_at": None,
        "returned_at": None,
        "timeliness": "",
        "documents_purged_at": None,
        "helped_at_id": None,
        "competent_agency_id": None,
        "return_agency_id": None,
        "case_unit_id": None,
        "stopped_at": None,
        "stop_ground": "",
        "procedure_version_id": None,
        "receipt_year": None,
        "receipt_number": None,
    }


def _due(limit, received, slot, calendar, cache):
    """Due times from the half hour the dossier was received in, shifted by the minutes past it: the
    calendar walk is the costly part, and a year has few distinct (half hour, limit) pairs. Limits
    with a cut-off hour or a fixed end of day are computed from the moment itself."""
    if limit.kind != TimeLimitKind.WORKING_DAYS or limit.cutoff is not None:
        return limit.due(calendar, received)[1]
    if (slot, limit) not in cache:
        cache[(slot, limit)] = limit.due(calendar, slot)[1]
    return cache[(slot, limit)] + (received - slot)


def _plan(dossier_id, procedure, agency, received, calendar, cache):
    steps = list(procedure.route_steps.all())
    limit = procedure.time_limit
    slot = received.replace(minute=received.minute // 30 * 30, second=0, microsecond=0)
    if limit.kind == TimeLimitKind.WORKING_DAYS and limit.cutoff is None:
        dues, elapsed = [], 0
        for step in steps:
            elapsed += step.working_days
            if (slot, elapsed) not in cache:
                cache[(slot, elapsed)] = calendar.add_working_days(slot, elapsed)
            dues.append(cache[(slot, elapsed)] + (received - slot))
    else:
        start, due = limit.due(calendar, received)
        dues = limit.step_dues(calendar, start, due, [step.working_days for step in steps])
    planned = []
    for index, (step, due_at) in enumerate(zip(steps, dues, strict=True)):
        key = (step.level, step.agency_kind, step.sector, agency.pk)  # shared by every procedure's like steps
        if key not in cache:
            cache[key] = resolve_step_agency(step, agency.unit)
        planned.append(
            DossierStep(
                dossier_id=dossier_id,
                index=index,
                route_step=step,
                agency=cache[key],
                working_days=step.working_days,
                due_at=due_at,
                started_at=received if index == 0 else None,
            )
        )
    return planned


def _resolved_steps(dossier_id, procedure, agency, received, returned, timeliness, calendar, cache, rng):
    """The route steps of a returned dossier, completed in turn by `returned`: a late dossier has one
    late step (which one is drawn), an on-time one finishes its last step on its due day."""
    planned = _plan(dossier_id, procedure, agency, received, calendar, cache)
    culprit = rng.randrange(len(planned)) if timeliness == Timeliness.LATE else None
    total = sum(step.working_days for step in planned)
    decided, elapsed, start = returned - dt.timedelta(hours=2), 0, received
    for index, step in enumerate(planned):
        elapsed += step.working_days
        last = index == len(planned) - 1
        step.started_at = start
        step.completed_at = max(start, decided if last else received + (decided - received) * float(elapsed / total))
        if index == culprit:
            step.timeliness = Timeliness.LATE
        elif last and timeliness == Timeliness.ON_TIME:
            step.timeliness = Timeliness.ON_TIME
        else:
            step.timeliness = Timeliness.EARLY if rng.random() < 0.8 else Timeliness.ON_TIME
        start = step.completed_at
    return planned


def _save_sequences(model, period, sequences):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (agency_id, {period}, last_value) VALUES (%s, %s, %s) "
            f"ON CONFLICT (agency_id, {period}) "
            f"DO UPDATE SET last_value = excluded.last_value WHERE excluded.last_value > {table}.last_value",
            [(agency_id, key, value) for (agency_id, key), value in sequences.items()],
        )


COLUMNS = [f.column for f in Dossier._meta.concrete_fields]


class _BulkWriter:
    """SQLite and others: explicit ids so that ratings can point at their dossiers."""

    def __init__(self):
        self.rows, self.next_id = [], (Dossier.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def add(self, row):
        row["id"] = self.next_id
        self.next_id += 1
        self.rows.append(row)
        return row["id"]

    def flush(self):
        Dossier.objects.bulk_create([Dossier(**row) for row in self.rows], batch_size=2_000)
        self.rows = []

    def write_steps(self, steps):
        DossierStep.objects.bulk_create(steps, batch_size=10_000)


class _CopyWriter(_BulkWriter):
    """PostgreSQL: COPY … FROM STDIN, an order of magnitude faster than INSERTs."""

    def flush(self):
        if not self.rows:
            return
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {Dossier._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in self.rows:
                    copy.write_row([row[column] for column in COLUMNS])
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{Dossier._meta.db_table}', 'id'), %s)", [self.next_id]
            )
        self.rows = []

    def write_steps(self, steps):
        # A resolved dossier has its route steps too: a million dossiers make over a million of them.
        fields = [f for f in DossierStep._meta.concrete_fields if not f.primary_key]
        with connection.cursor() as cursor:
            columns = ", ".join(f.column for f in fields)
            with cursor.cursor.copy(f"COPY {DossierStep._meta.db_table} ({columns}) FROM STDIN") as copy:
                for step in steps:
                    copy.write_row([getattr(step, f.attname) for f in fields])


def _progress(out, done, total, started):
    width = 30
    filled = int(width * done / total)
    elapsed = time.monotonic() - started
    out.write(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done * 100 // total:3d}%  {done:,}/{total:,} hồ sơ  "
        f"{elapsed:5.0f} s".replace(",", ".")
    )
    out.flush()
