"""Events pushed to the browsers in a meeting through the channel layer (Redis in production, memory
in the one-process embedded set-up). Services send them after their transaction commits, so that a
browser never hears of a row it cannot read yet.

Each socket also joins its session's group, so that signing out closes the sockets of that session
(portal.meetings.consumers watches for sessions that expire or an administrator ends)."""

import hashlib

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def meeting_channel(meeting_id):
    return f"meeting-{meeting_id}"


def group_channel(group_id):
    return f"meeting-group-{group_id}"


def session_channel(session_key):
    # A group name is at most 100 ASCII characters, and the key itself stays out of the layer.
    return "meeting-session-" + hashlib.sha256(session_key.encode()).hexdigest()[:40]


def send(channel, event, payload):
    def push():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(channel, {"type": "relay", "event": event, "payload": payload})

    transaction.on_commit(push)


def close_session_sockets(session_key):
    layer = get_channel_layer()
    if layer is not None and session_key:
        async_to_sync(layer.group_send)(session_channel(session_key), {"type": "session.ended"})
