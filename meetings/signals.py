"""Signing out over HTTP closes the meeting sockets that session opened."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from . import live


@receiver(user_logged_out, dispatch_uid="meetings-close-sockets-on-sign-out")
def close_sockets(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) is not None:
        live.close_session_sockets(request.session.session_key)
