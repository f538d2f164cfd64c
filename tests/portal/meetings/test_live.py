"""The meeting's WebSocket: who may connect, fan-out within a group, what a reconnecting browser
missed, votes through the socket; and the Redis channel layer that production uses."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from meetings.models import Choice
from meetings.services import floor, meetings
from portal.asgi import application
from tests.factories import sign_in_verified
from tests.meetings.factories import present, session

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # events are sent when the transaction commits


def cookie_for(user, verified=False):
    client = Client()
    if verified:
        sign_in_verified(client, user)
    else:
        client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def socket(meeting, user=None, verified=False):
    """A browser's socket, signed in as `user` (made before the event loop runs: signing in writes)."""
    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if user is not None:
        headers.append((b"cookie", cookie_for(user, verified)))
    return WebsocketCommunicator(application, f"/ws/hop/{meeting.pk}/", headers=headers)


def run(coroutine):
    return async_to_sync(coroutine)()


def test_outsiders_anonymous_visitors_and_unverified_organisers_are_refused():
    council, other = session(), session(name="Đồng Hỷ")

    async def attempt(communicator):
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    def outcome(user, verified=False):
        return async_to_sync(attempt)(socket(council.meeting, user, verified))

    assert outcome(None) == (False, 4403)
    assert outcome(other.delegates[0]) == (False, 4403)
    assert outcome(council.secretary) == (False, 4403)
    assert outcome(council.secretary, True)[0] is True
    assert outcome(council.delegates[0])[0] is True


def test_a_message_reaches_its_group_and_the_organisers_but_not_the_other_group():
    council = session()
    groups = meetings.split_into_groups(council.chair, council.meeting, 2)
    first, second, third = council.delegates[:3]  # first and third: group 1; second: group 2

    sender, same, elsewhere, organiser = (
        socket(council.meeting, user, user == council.secretary) for user in (first, third, second, council.secretary)
    )

    async def scenario():
        for communicator in (sender, same, elsewhere, organiser):
            assert (await communicator.connect())[0]
        await sender.send_json_to({"type": "message", "group": groups[0].pk, "text": "Tôi đồng ý với dự thảo"})
        heard = [await communicator.receive_json_from(timeout=2) for communicator in (sender, same, organiser)]
        nothing = await elsewhere.receive_nothing(timeout=0.3)
        await sender.send_json_to({"type": "message", "group": groups[1].pk, "text": "Sang tổ khác"})
        refused = await sender.receive_json_from(timeout=2)
        await sender.send_json_to({"type": "drop", "group": "x"})
        garbage = await sender.receive_json_from(timeout=2)
        await sender.send_json_to({"type": "message", "group": "not a number", "text": "x"})
        garbage2 = await sender.receive_json_from(timeout=2)
        hostile = []
        for content in (
            {"type": "message", "group": "9" * 30, "text": "x"},
            {"type": "vote", "motion": 2**70},
            {"type": "since", "after": [1]},
            {"type": "since", "after": {str(groups[0].pk): "9" * 30}},
            {"type": "message", "group": None},
            {"type": "vote", "motion": True, "choice": "for"},
        ):
            await sender.send_json_to(content)
            hostile.append(await sender.receive_json_from(timeout=2))
        for communicator in (sender, same, elsewhere, organiser):
            await communicator.disconnect()
        return heard, nothing, refused, garbage, garbage2, hostile

    heard, nothing, refused, garbage, garbage2, hostile = run(scenario)
    assert [event["payload"]["message"] for event in hostile] == ["Yêu cầu không hợp lệ."] * 6
    assert all(event["event"] == "message" and event["payload"]["text"] == "Tôi đồng ý với dự thảo" for event in heard)
    assert nothing
    assert refused == {"event": "error", "payload": {"message": "Anh/chị không thuộc tổ thảo luận này."}}
    assert garbage["event"] == garbage2["event"] == "error"
    assert list(groups[0].messages.values_list("text", flat=True)) == ["Tôi đồng ý với dự thảo"]
    assert not groups[1].messages.exists()


def test_a_reconnecting_browser_gets_what_it_missed():
    council = session()
    group = meetings.split_into_groups(council.chair, council.meeting, 1)[0]
    seen = floor.post_message(council.delegates[0], group, "Ý kiến thứ nhất")
    missed = [floor.post_message(council.delegates[1], group, f"Ý kiến {n}") for n in (2, 3)]

    communicator = socket(council.meeting, council.delegates[0])

    async def scenario():
        await communicator.connect()
        await communicator.send_json_to({"type": "since", "after": {str(group.pk): seen.pk}})
        events = [await communicator.receive_json_from(timeout=2) for _ in range(3)]
        await communicator.disconnect()
        return events

    events = run(scenario)
    assert [e["payload"].get("id") for e in events[:2]] == [m.pk for m in missed]
    assert events[2]["event"] == "synced"


def test_votes_through_the_socket_move_the_tally_for_everyone():
    council = session()
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết")
    present(council, council.delegates[0])

    voter, chair = socket(council.meeting, council.delegates[0]), socket(council.meeting, council.chair)

    async def scenario():
        await voter.connect()
        await chair.connect()
        await voter.send_json_to({"type": "vote", "motion": motion.pk, "choice": Choice.FOR})
        tally = await chair.receive_json_from(timeout=2)
        await voter.receive_json_from(timeout=2)  # its own copy of the tally
        await voter.send_json_to({"type": "vote", "motion": motion.pk, "choice": Choice.AGAINST})
        again = await voter.receive_json_from(timeout=2)
        await voter.disconnect()
        await chair.disconnect()
        return tally, again

    tally, again = run(scenario)
    assert tally == {
        "event": "tally",
        "payload": {"id": motion.pk, "tally": {"for": 1, "against": 0, "abstain": 0, "cast": 1}},
    }
    assert again["payload"]["message"] == "Anh/chị đã biểu quyết nội dung này."


def test_the_redis_channel_layer_carries_an_event_between_processes(settings):
    """Production's layer (REDIS_URL): two layer instances, as two ASGI processes would have."""
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    from channels_redis.core import RedisChannelLayer

    async def scenario():
        config = {"hosts": [{"address": "redis://127.0.0.1:6379/0", "max_connections": 10}], "prefix": "motcua-test"}
        sender, receiver = RedisChannelLayer(**config), RedisChannelLayer(**config)
        channel = await receiver.new_channel()
        await receiver.group_add("meeting-test", channel)
        await sender.group_send("meeting-test", {"type": "relay", "event": "tally", "payload": {"id": 1}})
        message = await receiver.receive(channel)
        await receiver.group_discard("meeting-test", channel)
        await sender.flush()
        return message

    assert run(scenario) == {"type": "relay", "event": "tally", "payload": {"id": 1}}
    assert get_channel_layer() is not None


def _redis_or_skip():
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")


def test_an_idle_socket_on_redis_still_hears_after_the_read_timeout():
    """The layer blocks 5 s on each read; with the client's socket timeout at 5 s too, an idle reader
    failed now and then (close 1011). Production's settings keep the socket timeout above it."""
    _redis_or_skip()
    import asyncio

    from channels_redis.core import RedisChannelLayer

    from portal.settings import redis_channel_layer

    config = dict(redis_channel_layer("redis://127.0.0.1:6379/0")["CONFIG"], prefix="motcua-idle-test")

    async def scenario():
        sender, receiver = RedisChannelLayer(**config), RedisChannelLayer(**config)
        channel = await receiver.new_channel()
        await receiver.group_add("meeting-idle", channel)
        waiting = asyncio.ensure_future(receiver.receive(channel))
        await asyncio.sleep(7)  # idle past the 5 s read
        await sender.group_send("meeting-idle", {"type": "relay", "event": "speakers", "payload": {}})
        message = await asyncio.wait_for(waiting, 5)
        await receiver.flush()
        return message

    assert run(scenario)["event"] == "speakers"


def test_hostile_frames_get_an_error_and_the_socket_stays_usable():
    council = session()
    group = meetings.split_into_groups(council.chair, council.meeting, 1)[0]
    seat = council.meeting.participants.get(user=council.delegates[0])
    assert seat.group_id == group.pk
    communicator = socket(council.meeting, council.delegates[0])
    frames = [
        {"bytes_data": b"\x00\x01binary"},
        {"text_data": "not json"},
        {"text_data": "[1, 2"},
        {"text_data": '{"type": "since", "after": {"1": ' + "9" * 5000 + "}}"},
        {"text_data": json.dumps({"type": "message", "group": group.pk, "text": "a\x00b"})},
        {"text_data": json.dumps({"type": "message", "group": group.pk, "text": {"x": 1}})},
        {"text_data": json.dumps({"type": "message", "group": str(2**63), "text": "x"})},
        {"text_data": json.dumps({"type": "vote", "motion": [1], "choice": "for"})},
        {"text_data": '{"type": "since", "after": NaN}'},
        {"text_data": "x" * 20000},
    ]

    async def scenario():
        await communicator.connect()
        answers = []
        for frame in frames:
            await communicator.send_to(**frame)
            answers.append(await communicator.receive_json_from(timeout=2))
        await communicator.send_json_to({"type": "message", "group": group.pk, "text": "Vẫn gửi được"})
        answers.append(await communicator.receive_json_from(timeout=2))
        await communicator.disconnect()
        return answers

    *refusals, last = run(scenario)
    assert [answer["event"] for answer in refusals] == ["error"] * len(frames)
    assert all(answer["payload"]["message"] for answer in refusals)
    assert last["event"] == "message" and last["payload"]["text"] == "Vẫn gửi được"
    assert list(group.messages.values_list("text", flat=True)) == ["Vẫn gửi được"]


def test_signing_out_over_http_closes_that_sessions_sockets():
    council = session()
    client = Client()
    client.force_login(council.delegates[0])
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver"), (b"cookie", cookie)]
    communicator = WebsocketCommunicator(application, f"/ws/hop/{council.meeting.pk}/", headers=headers)

    async def scenario():
        from channels.db import database_sync_to_async

        connected, _code = await communicator.connect()
        assert connected
        await database_sync_to_async(client.post)(reverse("accounts:sign_out"))
        return await communicator.receive_output(timeout=2)

    assert run(scenario) == {"type": "websocket.close", "code": 4401}


def test_a_session_ended_by_an_administrator_closes_its_sockets(settings):
    from django.contrib.sessions.models import Session

    settings.MEETINGS_SESSION_CHECK_SECONDS = 0.2
    council = session()
    communicator = socket(council.meeting, council.delegates[0])

    async def scenario():
        await communicator.connect()
        from channels.db import database_sync_to_async

        await database_sync_to_async(lambda: Session.objects.all().delete())()
        return await communicator.receive_output(timeout=3)

    assert run(scenario) == {"type": "websocket.close", "code": 4401}


def test_tallies_reach_the_browser_coalesced_and_exact(settings):
    """30 ballots within a moment: the chair's browser gets a few tallies, the last one exact."""
    settings.MEETINGS_TALLY_INTERVAL = 0.3
    council = session(delegates=30)
    present(council)
    chair = socket(council.meeting, council.chair)

    async def scenario():
        from channels.db import database_sync_to_async

        await chair.connect()  # before the vote opens: the opening's event must not stop the tallies
        motion = await database_sync_to_async(floor.open_motion)(council.chair, council.meeting, title="Thông qua")
        for person in council.delegates:
            await database_sync_to_async(floor.cast_ballot)(person, motion, Choice.FOR)
        frames = []
        while not await chair.receive_nothing(timeout=1):  # until the quiet after the last tally
            frames.append(await chair.receive_json_from())
        await chair.disconnect()
        return frames

    frames = run(scenario)
    tallies = [frame["payload"]["tally"]["cast"] for frame in frames if frame["event"] == "tally"]
    assert tallies[-1] == 30 and len(tallies) < 30 and tallies == sorted(tallies)
