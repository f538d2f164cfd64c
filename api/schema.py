"""drf-spectacular hooks: the published schema holds version 1 of this API only (Wagtail's admin
API, which also runs on DRF, is not part of the contract)."""


def only_v1(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True, "description": "Per field, for status 400"},
        "problems": {
            "type": "array",
            "items": {"type": "string"},
            "description": "What a draft still lacks, for type …/incomplete",
        },
    },
    "required": ["type", "title", "status"],
}
PROBLEM_STATUSES = {
    "400": "Dữ liệu không hợp lệ / invalid input",
    "401": "Chưa xác thực / not authenticated",
    "403": "Không được phép / forbidden",
    "404": "Không tìm thấy / not found",
    "405": "Phương thức không được hỗ trợ / method not allowed",
    "406": "Không có định dạng phù hợp / not acceptable",
    "409": "Nghiệp vụ không cho phép / refused by the rules",
    "415": "Định dạng dữ liệu không được hỗ trợ / unsupported media type",
    "429": "Quá nhiều yêu cầu / rate limited",
}


def problem_responses(result, generator, request, public):
    """Every operation may answer with a problem (api/problems.py): say so, with its shape."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in PROBLEM_STATUSES.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    },
                )
    return result
