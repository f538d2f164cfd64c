"""Registered government systems: dossiers of their scope, their status and log, and the
transitions an integration may fire, under the same policy as the back office (the system acts as
its named staff account, so the rules and the log are those of that officer)."""

from django.db.models import Max, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from procedures import services
from procedures.models import Dossier, DossierState

from ..authentication import SystemKeyAuthentication
from ..permissions import IsSystem, MayFireTransitions
from .serializers import ChangedSinceSerializer, EventSerializer, SystemDossierSerializer, TransitionSerializer

# name → how the posted fields become the service call. Result proposals and approvals carry files
# and signatures and stay in the back office.
TRANSITIONS = {
    "receive": lambda d, u, v: services.receive(d, u, comment=v["comment"]),
    "request_supplement": lambda d, u, v: services.request_supplement(
        d, u, missing_items=v["missing_items"], comment=v["comment"]
    ),
    "reject": lambda d, u, v: services.reject(d, u, reason=v["reason"]),
    "start_processing": lambda d, u, v: services.start_processing(d, u, comment=v["comment"]),
    "transfer": lambda d, u, v: services.transfer(d, u, comment=v["comment"]),
    "accept_transfer": lambda d, u, v: services.accept_transfer(d, u, comment=v["comment"]),
    "send_back": lambda d, u, v: services.send_back(d, u, comment=v["comment"]),
    "return_result": lambda d, u, v: services.return_result(d, u, comment=v["comment"]),
    "issue_apology": lambda d, u, v: services.issue_apology(
        d, u, new_appointment_at=v.get("new_appointment_at"), reason=v["reason"]
    ),
    "stop": lambda d, u, v: services.stop(
        d, u, ground=v.get("ground", ""), reason=v["reason"], provision=v.get("provision", "")
    ),
}


def in_scope(client):
    """The dossiers a system may see: its agency's (received, held or routed through it), or the
    whole province's for a read-only key without an agency. Drafts are the citizen's alone."""
    dossiers = Dossier.objects.exclude(state=DossierState.DRAFT)
    if client.agency_id is None:
        return dossiers
    return dossiers.filter(
        Q(receiving_agency_id=client.agency_id)
        | Q(current_agency_id=client.agency_id)
        | Q(pk__in=Dossier.objects.filter(steps__agency_id=client.agency_id).values("pk"))
    )


def _dossier(request, code):
    return get_object_or_404(
        in_scope(request.auth).select_related("procedure", "receiving_agency", "current_agency"), code=code
    )


class Changes(CursorPagination):
    ordering = "last_change"
    page_size = 100


class SystemView(APIView):
    authentication_classes = [SystemKeyAuthentication]
    permission_classes = [IsSystem]


class ChangedDossiers(SystemView):
    @extend_schema(
        parameters=[ChangedSinceSerializer, OpenApiParameter("cursor", str, description="From `next`")],
        responses=inline_serializer(
            "ChangedDossierPage",
            {
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": SystemDossierSerializer(many=True),
            },
        ),
        operation_id="system_dossiers_list",
    )
    def get(self, request):
        """Dossiers with an event since `since`, oldest change first; follow `next` to the end."""
        query = ChangedSinceSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        since = query.validated_data["since"]
        dossiers = (
            in_scope(request.auth)
            .select_related("procedure", "receiving_agency", "current_agency")
            .annotate(last_change=Max("events__pk", filter=Q(events__created_at__gte=since)))
            .filter(last_change__isnull=False)
        )
        paginator = Changes()
        page = paginator.paginate_queryset(dossiers, request, view=self)
        return paginator.get_paginated_response(SystemDossierSerializer(page, many=True).data)


class DossierStatus(SystemView):
    @extend_schema(responses=SystemDossierSerializer, operation_id="system_dossiers_retrieve")
    def get(self, request, code):
        dossier = _dossier(request, code)
        dossier.last_change = dossier.events.aggregate(last=Max("pk"))["last"]
        return Response(SystemDossierSerializer(dossier).data)


class DossierEvents(SystemView):
    @extend_schema(responses=EventSerializer(many=True), operation_id="system_dossiers_events_list")
    def get(self, request, code):
        dossier = _dossier(request, code)
        events = dossier.events.select_related("agency").order_by("created_at", "pk")
        return Response(EventSerializer(events, many=True).data)


class Transition(SystemView):
    permission_classes = [MayFireTransitions]

    @extend_schema(
        request=TransitionSerializer,
        responses=SystemDossierSerializer,
        parameters=[OpenApiParameter("name", str, OpenApiParameter.PATH, enum=sorted(TRANSITIONS))],
        operation_id="system_dossiers_transition",
    )
    def post(self, request, code, name):
        run = TRANSITIONS.get(name)
        if run is None:
            raise NotFound()
        dossier = _dossier(request, code)
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        run(dossier, request.user, data.validated_data)
        dossier.refresh_from_db()
        dossier.last_change = dossier.events.aggregate(last=Max("pk"))["last"]
        return Response(SystemDossierSerializer(dossier).data)
