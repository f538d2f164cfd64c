"""Public tracking by dossier code and 4 digits, with the same limit per address as the page."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from government.ratelimit import client_ip, hit
from procedures.selectors import tracked_dossier

from .serializers import PublicStatusSerializer, TrackingSerializer


class Tracking(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=TrackingSerializer,
        operation_id="tracking_create",
        responses={
            200: PublicStatusSerializer,
            404: OpenApiResponse(description="No dossier matches"),
            429: OpenApiResponse(description="Too many lookups from this address"),
        },
    )
    def post(self, request):
        limit, window = settings.TRACKING_RATE_LIMIT
        wait = hit("track", client_ip(request), limit=limit, window=window)  # one budget with the page
        if wait:
            raise Throttled(wait=wait)
        data = TrackingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dossier = tracked_dossier(data.validated_data["code"], data.validated_data["secret"])
        if dossier is None:
            raise NotFound()
        return Response(PublicStatusSerializer(dossier).data)
