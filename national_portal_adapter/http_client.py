"""The HTTP client: one attempt per call, with timeouts and a circuit breaker (shared with the document
axis in citizen_registry_adapter/json_api.py), so that a portal that is down costs the delivery task
almost nothing."""

from adapter_kit.json_api import JsonApiClient

from .client import NationalPortal, PortalRefused, PortalUnavailable, Receipt

TIME_FORMAT = "%Y%m%d%H%M%S"


class HttpNationalPortal(JsonApiClient, NationalPortal):
    unavailable, refused, breaker_name = PortalUnavailable, PortalRefused, "national-portal"

    def send(self, message):
        path = "/add" if message.get("TrangThaiHoSo") == 1 else "/update"
        body = self._call("POST", path, json=message)
        return Receipt(message["MaThongDiep"], bool(body.get("duplicate")))

    def held(self, since, until):
        body = self._call(
            "GET", "/dossiers", params={"tu": since.strftime(TIME_FORMAT), "den": until.strftime(TIME_FORMAT)}
        )
        dossiers = body.get("dossiers")
        if not isinstance(dossiers, dict):
            raise PortalRefused("reconciliation answer without 'dossiers'")
        return {str(code): [int(s) for s in statuses] for code, statuses in dossiers.items()}
