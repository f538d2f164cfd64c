"""The HTTP client of the axis: one attempt per call, timeouts and a circuit breaker, as the national
portal's (citizen_registry_adapter/json_api.py)."""

from adapter_kit.json_api import JsonApiClient

from .client import AxisRefused, AxisUnavailable, DocumentAxis, OutsideAgency
from .messages import STATUS


class HttpDocumentAxis(JsonApiClient, DocumentAxis):
    unavailable, refused, breaker_name = AxisUnavailable, AxisRefused, "document-axis"

    def __init__(self, base_url, *, read_timeout=10.0, **options):
        super().__init__(base_url, read_timeout=read_timeout, **options)

    def directory(self):
        body = self._call("GET", "/directory")
        return [OutsideAgency(str(item["MaDinhDanh"]), str(item["Ten"])) for item in body.get("agencies", [])]

    def send(self, envelope):
        return not self._call("POST", "/documents", json=envelope).get("duplicate", False)

    def statuses(self, message_ids):
        body = self._call("POST", "/statuses", json={"MaThongDiep": list(message_ids)})
        return {str(key): STATUS[code] for key, code in (body.get("statuses") or {}).items() if code in STATUS}
