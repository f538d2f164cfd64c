"""One WebSocket per browser in a meeting: it hears the meeting's events (votes, speakers) and its
own group's discussion (organisers and the chair hear every group), and it can post to its group and
vote. On every (re)connection the browser says the last message it has and gets what it missed.

Whatever a frame holds, the answer is an error frame and the socket stays open: binary frames,
text that is not JSON, numbers past 64 bits, NUL, a list where text is expected. The socket closes
(4401) when its session ends: signed out over HTTP (at once), expired or ended by an administrator
(seen within MEETINGS_SESSION_CHECK_SECONDS). Vote tallies reach the browser at most once per motion
every MEETINGS_TALLY_INTERVAL seconds, always the latest."""

import asyncio
import json
import random

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import DataError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from government.exceptions import DomainError
from meetings import live, policy
from meetings.models import DiscussionGroup, Meeting, Motion
from meetings.services import floor

INVALID = gettext_lazy("Yêu cầu không hợp lệ.")
NOT_TEXT = gettext_lazy("Chỉ nhận tin nhắn dạng văn bản JSON.")
TOO_LONG = gettext_lazy("Tin nhắn quá dài.")
MAX_FRAME = 16_000  # a group message is at most 4 000 characters; JSON escapes may quadruple it
SIGNED_OUT = 4401


def _row_id(value):
    """An id the browser sent: a whole number within the database's range, or ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(value)
    if isinstance(value, str) and not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise ValueError(value)
    number = int(value)
    if not 0 <= number < 2**63:
        raise ValueError(value)
    return number


def _text(value):
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _short_int(digits):
    """json's parse_int: a number of more than 19 digits is no id (and int() of 5 000 digits is slow)."""
    if len(digits.lstrip("-")) > 19:
        raise ValueError(digits)
    return int(digits)


def _no_constant(name):
    raise ValueError(name)  # NaN, Infinity


def _second_factor_done(session, user):
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk and device.confirmed


class MeetingConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        self.pending_tallies, self.sent_cast, self.flush_task, self.watch_task = {}, {}, None, None
        self.seat = await self._seat(self.scope["url_route"]["kwargs"]["meeting_id"])
        if self.seat is None:
            await self.close(code=4403)
            return
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        self.groups_heard = await self._groups_heard()
        self.channels_joined = [live.meeting_channel(self.seat.meeting_id)] + [
            live.group_channel(pk) for pk in self.groups_heard
        ]
        if self.session_key:
            self.channels_joined.append(live.session_channel(self.session_key))
        for channel in self.channels_joined:
            await self.channel_layer.group_add(channel, self.channel_name)
        await self.accept()
        self.watch_task = asyncio.ensure_future(self._watch_session())

    async def disconnect(self, code):
        for task in (self.flush_task, self.watch_task):
            if task is not None:
                task.cancel()
        for channel in getattr(self, "channels_joined", []):
            await self.channel_layer.group_discard(channel, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if text_data is None:
            await self._refuse(NOT_TEXT)
            return
        if len(text_data) > MAX_FRAME:
            await self._refuse(TOO_LONG)
            return
        try:
            content = json.loads(text_data, parse_int=_short_int, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            await self._refuse(INVALID)
            return
        if not await self._session_alive():
            await self.close(code=SIGNED_OUT)
            return
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type") if isinstance(content, dict) else None
        handler = {"since": self._since, "message": self._message, "vote": self._vote}.get(kind)
        if handler is None:
            await self._refuse(INVALID)
            return
        try:
            await handler(content)
        except DomainError as error:
            await self._refuse(error.message)
        except (TypeError, ValueError, DataError, DiscussionGroup.DoesNotExist, Motion.DoesNotExist):
            await self._refuse(INVALID)

    async def _refuse(self, message):
        await self.send_json({"event": "error", "payload": {"message": str(message)}})

    async def relay(self, event):
        if event["event"] == "tally":
            self._hold_tally(event["payload"])
            return
        if event["event"] == "motion" and not event["payload"]["open"]:  # the result: no older tally after it
            self.pending_tallies.pop(event["payload"]["id"], None)
            self.sent_cast[event["payload"]["id"]] = float("inf")
        await self.send_json({"event": event["event"], "payload": event["payload"]})

    async def session_ended(self, event):
        await self.close(code=SIGNED_OUT)

    def _hold_tally(self, payload):
        """Keep the latest tally of each motion (the one with most votes: each was read under the
        motion's lock) and send it after the interval."""
        motion = payload["id"]
        held = self.pending_tallies.get(motion)
        if payload["tally"]["cast"] <= self.sent_cast.get(motion, -1) and held is None:
            return
        if held is None or payload["tally"]["cast"] >= held["tally"]["cast"]:
            self.pending_tallies[motion] = payload
        if self.flush_task is None:
            self.flush_task = asyncio.ensure_future(self._flush_tallies())

    async def _flush_tallies(self):
        await asyncio.sleep(settings.MEETINGS_TALLY_INTERVAL)
        held, self.pending_tallies, self.flush_task = self.pending_tallies, {}, None
        for motion, payload in held.items():
            if payload["tally"]["cast"] > self.sent_cast.get(motion, -1):
                self.sent_cast[motion] = payload["tally"]["cast"]
                await self.send_json({"event": "tally", "payload": payload})

    async def _watch_session(self):
        while True:
            # spread over the second half of the interval: a hall that connected together would otherwise
            # check its 200 sessions in one burst and delay the messages queued behind them
            await asyncio.sleep(settings.MEETINGS_SESSION_CHECK_SECONDS * random.uniform(0.5, 1.0))
            if not await self._session_alive():
                await self.close(code=SIGNED_OUT)
                return

    async def _since(self, content):
        after = content.get("after") or {}
        if not isinstance(after, dict):
            raise ValueError(after)
        for group_id in self.groups_heard:
            missed = await self._missed(group_id, _row_id(after.get(str(group_id), 0)))
            for payload in missed:
                await self.send_json({"event": "message", "payload": payload})
        await self.send_json({"event": "synced", "payload": {}})

    async def _message(self, content):
        await self._post(_row_id(content.get("group")), _text(content.get("text", "")))

    async def _vote(self, content):
        await self._cast(_row_id(content.get("motion")), _text(content.get("choice", "")))

    @database_sync_to_async
    def _session_alive(self):
        """The session the socket was opened with still signs this user in (not signed out, expired,
        or deleted by an administrator)."""
        if not self.session_key:
            return False
        store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")(self.session_key)
        return str(store.load().get(SESSION_KEY, "")) == str(self.user.pk)

    @database_sync_to_async
    def _seat(self, meeting_id):
        if not self.user.is_authenticated:
            return None
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        seat = policy.seat_of(self.user, meeting) if meeting else None
        verified = _second_factor_done(self.scope.get("session"), self.user)
        self.user.is_verified = lambda: verified  # what django-otp's middleware gives a request
        if seat is None or policy.needs_second_factor(self.user, seat):
            return None
        return seat

    @database_sync_to_async
    def _groups_heard(self):
        if self.seat.is_organiser or self.seat.is_chair:
            return list(DiscussionGroup.objects.filter(meeting_id=self.seat.meeting_id).values_list("pk", flat=True))
        return [self.seat.group_id] if self.seat.group_id else []

    @database_sync_to_async
    def _missed(self, group_id, after):
        group = DiscussionGroup.objects.select_related("meeting").get(pk=group_id)
        return floor.messages_after(self.user, group, after)

    @database_sync_to_async
    def _post(self, group_id, text):
        group = DiscussionGroup.objects.select_related("meeting").get(pk=group_id, meeting_id=self.seat.meeting_id)
        floor.post_message(self.user, group, text)

    @database_sync_to_async
    def _cast(self, motion_id, choice):
        motion = Motion.objects.select_related("meeting__agency").get(pk=motion_id, meeting_id=self.seat.meeting_id)
        floor.cast_ballot(self.user, motion, choice)
