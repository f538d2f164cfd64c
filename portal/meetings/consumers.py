"""One WebSocket per browser in a meeting: it hears the meeting's events (votes, speakers) and its
own group's discussion (organisers and the chair hear every group), and it can post to its group and
vote. On every (re)connection the browser says the last message it has and gets what it missed."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext_lazy
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from government.exceptions import DomainError
from meetings import live, policy
from meetings.models import DiscussionGroup, Meeting, Motion
from meetings.services import floor

INVALID = gettext_lazy("Yêu cầu không hợp lệ.")


def _row_id(value):
    """An id the browser sent: a whole number within the database's range, or ValueError (a huge number
    would otherwise overflow SQLite's integer in the query)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(value)
    number = int(value)
    if not 0 <= number < 2**63:
        raise ValueError(value)
    return number


def _second_factor_done(session, user):
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk and device.confirmed


class MeetingConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        self.seat = await self._seat(self.scope["url_route"]["kwargs"]["meeting_id"])
        if self.seat is None:
            await self.close(code=4403)
            return
        self.groups_heard = await self._groups_heard()
        self.channels_joined = [live.meeting_channel(self.seat.meeting_id)] + [
            live.group_channel(pk) for pk in self.groups_heard]
        for channel in self.channels_joined:
            await self.channel_layer.group_add(channel, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for channel in getattr(self, "channels_joined", []):
            await self.channel_layer.group_discard(channel, self.channel_name)

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
        except (TypeError, ValueError, DiscussionGroup.DoesNotExist, Motion.DoesNotExist):
            await self._refuse(INVALID)

    async def _refuse(self, message):
        await self.send_json({"event": "error", "payload": {"message": str(message)}})

    async def relay(self, event):
        await self.send_json({"event": event["event"], "payload": event["payload"]})

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
        await self._post(_row_id(content.get("group")), str(content.get("text", "")))

    async def _vote(self, content):
        await self._cast(_row_id(content.get("motion")), str(content.get("choice", "")))

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
        motion = Motion.objects.select_related("meeting").get(pk=motion_id, meeting_id=self.seat.meeting_id)
        floor.cast_ballot(self.user, motion, choice)
