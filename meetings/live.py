"""Events pushed to the browsers in a meeting through the channel layer (Redis in production, memory
in the one-process embedded set-up). Services send them after their transaction commits, so that a
browser never hears of a row it cannot read yet."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def meeting_channel(meeting_id):
    return f"meeting-{meeting_id}"


def group_channel(group_id):
    return f"meeting-group-{group_id}"


def send(channel, event, payload):
    def push():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(channel, {"type": "relay", "event": event, "payload": payload})

    transaction.on_commit(push)
