"""Live meetings under load: 200 WebSocket clients in one discussion group, and 200 votes at once.

    .venv/bin/python bench/meetings.py [--clients 200] [--messages 20]

Starts daphne (the ASGI server `make run` uses) on a fresh SQLite database in a temporary VAR_DIR,
or on DATABASE_URL, and with REDIS_URL the Redis channel layer; seeds one meeting with that many
delegates in one group; connects every client with its own signed-in session. Then:

1. fan-out: one delegate posts `--messages` messages, one after the other; for each, the time from
   sending to its arrival in every one of the clients (p50, p95, max over all arrivals, and the
   p50/p95 of the last arrival of each message);
2. votes: the chair opens a vote, every client votes at the same moment and then tries to vote a
   second time; the tally read back from the database must equal exactly one vote a delegate, and
   every client must end with that exact tally on its screen (tallies reach each browser coalesced,
   at most one per MEETINGS_TALLY_INTERVAL; with the layer's old capacity of 100 they stopped at
   about 101 of 200).
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def seed(clients):
    """The meeting, its chair and delegates in one group, and a session cookie for each of them."""
    import datetime as dt

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from government.models import AdministrativeUnit, Agency, AgencyKind, Role, StaffRole, UnitLevel
    from meetings.models import ParticipantRole
    from meetings.services import attendance, meetings

    User = get_user_model()
    stamp = str(int(time.time()))
    unit = AdministrativeUnit.objects.create(
        code=stamp[-8:], name="Huyện Bench", short_name="Bench", level=UnitLevel.DISTRICT, unit_type="Huyện"
    )
    agency = Agency.objects.create(
        unit=unit,
        kind=AgencyKind.PEOPLES_COMMITTEE,
        name="Ủy ban nhân dân huyện Bench",
        electronic_code=f"000.{stamp[-4:-2]}.{stamp[-2:]}.H99",
    )

    def person(username, role, agency=None):
        user = User.objects.create_user(username=f"{username}-{stamp}", password="x", first_name=username)
        StaffRole.objects.create(user=user, role=role, agency=agency)
        return user

    secretary = person("thuky", Role.MEETING_SECRETARY, agency)
    chair = person("chutoa", Role.DELEGATE)
    delegates = [person(f"daibieu{n}", Role.DELEGATE) for n in range(clients)]
    now = timezone.now()
    meeting = meetings.create_meeting(
        secretary,
        title="Bench",
        place="Hội trường",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=8),
    )
    meetings.seat(secretary, meeting, [chair], ParticipantRole.CHAIR)
    meetings.seat(secretary, meeting, delegates, ParticipantRole.DELEGATE)
    group = meetings.split_into_groups(chair, meeting, 1)[0]
    for seat in meeting.participants.exclude(role=ParticipantRole.ORGANISER):
        attendance.mark_present(secretary, meeting, seat)  # only delegates present vote

    def cookie(user):
        store = SessionStore()
        store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), settings.AUTHENTICATION_BACKENDS[-1]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return f"sessionid={store.session_key}"

    return meeting, group, chair, [cookie(user) for user in delegates]


async def run(url, origin, group_id, cookies, messages, open_vote):
    import websockets

    headers = lambda c: {"Cookie": c, "Origin": origin}  # noqa: E731
    started = time.perf_counter()
    sockets = await asyncio.gather(
        *(websockets.connect(url, additional_headers=headers(c), max_queue=None) for c in cookies)
    )
    print(f"{len(sockets)} clients connected in {time.perf_counter() - started:.2f} s")
    arrivals, last = [], []
    for n in range(messages):
        text = f"bench {n}"
        sent = time.perf_counter()

        async def wait(ws):
            while True:
                event = json.loads(await ws.recv())
                if event["event"] == "message" and event["payload"]["text"] == text:
                    return time.perf_counter() - sent

        pending = asyncio.gather(*(wait(ws) for ws in sockets))
        await sockets[0].send(json.dumps({"type": "message", "group": group_id, "text": text}))
        times = await asyncio.wait_for(pending, 60)
        arrivals += times
        last.append(max(times))
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    print(
        f"fan-out to {len(sockets)} clients, {messages} messages ({len(arrivals)} arrivals): "
        f"p50 {ms(statistics.median(arrivals))}, p95 {ms(percentile(arrivals, 0.95))}, max {ms(max(arrivals))}; "
        f"last arrival of a message p50 {ms(statistics.median(last))}, p95 {ms(percentile(last, 0.95))}"
    )

    motion_id = await open_vote()

    async def vote(ws, choice):
        await ws.send(json.dumps({"type": "vote", "motion": motion_id, "choice": choice}))

    started = time.perf_counter()
    choices = ["for", "against", "abstain"]
    await asyncio.gather(*(vote(ws, choices[i % 3]) for i, ws in enumerate(sockets)))
    await asyncio.gather(*(vote(ws, "for") for ws in sockets))  # each tries a second ballot

    async def settled(ws):
        """Until this client has been told its second ballot was refused and shows every vote."""
        refusal, seen = None, {}
        while refusal is None or seen.get("cast") != len(sockets):
            try:
                event = json.loads(await asyncio.wait_for(ws.recv(), 10))
            except asyncio.TimeoutError:
                break
            if event["event"] == "error":
                refusal = event["payload"]["message"]
            elif event["event"] == "tally":
                seen = event["payload"]["tally"]
        return refusal or "", seen

    outcomes = await asyncio.wait_for(asyncio.gather(*(settled(ws) for ws in sockets)), 180)
    elapsed = time.perf_counter() - started
    await asyncio.gather(*(ws.close() for ws in sockets))
    return outcomes, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20)
    options = parser.parse_args()
    env = dict(os.environ)
    if "DATABASE_URL" not in env:
        env["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-meetings-")
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", DJANGO_ALLOWED_HOSTS="127.0.0.1")
    os.environ.update(env)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)

    import django

    django.setup()
    from asgiref.sync import sync_to_async

    from meetings.models import Ballot, Motion
    from meetings.services import floor

    meeting, group, chair, cookies = seed(options.clients)
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "portal.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        layer = "Redis" if env.get("REDIS_URL") else "in-memory (one process)"
        database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
        print(f"daphne on {database}, channel layer {layer}, {os.cpu_count()} cores")

        async def open_vote():
            motion = await sync_to_async(floor.open_motion)(chair, meeting, title="Bench")
            return motion.pk

        outcomes, elapsed = asyncio.run(
            run(
                f"ws://127.0.0.1:{port}/ws/hop/{meeting.pk}/",
                f"http://127.0.0.1:{port}",
                group.pk,
                cookies,
                options.messages,
                open_vote,
            )
        )
        motion = Motion.objects.get(meeting=meeting)
        counts = floor.tally(motion)
        expected = {c: len(range(i, options.clients, 3)) for i, c in enumerate(["for", "against", "abstain"])}
        refusals = [refusal for refusal, _seen in outcomes]
        exact = all(counts[c] == n for c, n in expected.items()) and counts["cast"] == options.clients
        print(
            f"{options.clients} votes at once, then {options.clients} second tries, settled in {elapsed:.2f} s: "
            f"tally {counts} — {'exact' if exact else 'WRONG, expected ' + str(expected)}; "
            f"ballots stored {Ballot.objects.filter(motion=motion).count()}, second tries refused "
            f"{sum(1 for r in refusals if 'đã biểu quyết' in r)}/{len(refusals)}"
        )
        screens = sum(1 for _refusal, seen in outcomes if seen == counts)
        print(
            f"clients whose last tally on screen is the exact one: {screens}/{len(outcomes)}"
            + ("" if screens == len(outcomes) else f" (e.g. {outcomes[0][1]})")
        )
        return 0 if exact and screens == len(outcomes) else 1
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
