"""HTTP and the meetings' WebSockets in one ASGI application (daphne in `make run`; see docs/meetings.md)."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_application = get_asgi_application()  # sets Django up before the consumers are imported

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from portal.meetings.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)

# Django, Wagtail and the models leave a few hundred thousand objects that live as long as the process.
# A full collection walked them all and held the event loop for about 300 ms, so every so often a
# message reached a hall of 200 delegates that much later (bench/meetings.py: p95 fan-out 270 ms →
# 100 ms). Freezing them keeps the collector to what the sockets create.
gc.freeze()
