from django.apps import AppConfig


class MeetingsUiConfig(AppConfig):
    """The pages and the WebSocket of paperless meetings (the domain is the `meetings` app)."""

    name = "portal.meetings"
    label = "meetings_ui"
