from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from .consumers import MeetingConsumer

websocket_urlpatterns = [path("ws/hop/<id:meeting_id>/", MeetingConsumer.as_asgi())]
