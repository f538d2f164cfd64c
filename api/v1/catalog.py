"""The public catalog: read only, the same search as the portal's catalog page."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from procedures.models import Procedure
from search.services import find_procedures

from .serializers import CatalogQuerySerializer, ProcedureDetailSerializer, ProcedureSerializer

PAGE_SIZE = 20


class ProcedureList(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        parameters=[CatalogQuerySerializer],
        operation_id="procedures_list",
        responses=inline_serializer(
            "ProcedurePage",
            {
                "count": serializers.IntegerField(),
                "page": serializers.IntegerField(),
                "results": ProcedureSerializer(many=True),
            },
        ),
    )
    def get(self, request):
        query = CatalogQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        page = data.get("page", 1)
        procedures, total, _facets = find_procedures(
            data.get("q", ""),
            level=data.get("level", ""),
            field=data.get("field") or "",
            point=data.get("place", ""),
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        return Response({"count": total, "page": page, "results": ProcedureSerializer(procedures, many=True).data})


class ProcedureDetail(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=ProcedureDetailSerializer, operation_id="procedures_retrieve")
    def get(self, request, pk):
        procedure = get_object_or_404(
            Procedure.objects.filter(is_active=True)
            .select_related("field")
            .prefetch_related("required_documents", "route_steps"),
            pk=pk,
        )
        return Response(ProcedureDetailSerializer(procedure).data)
