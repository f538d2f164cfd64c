"""Elasticsearch documents and the analyzer that folds Vietnamese like government.folding does."""

from elasticsearch_dsl import Date, Document, Integer, Keyword, Text, analyzer

# lowercase, then asciifolding: "Đăng ký" → "dang ky" (asciifolding maps đ to d as well).
vietnamese_folded = analyzer("vietnamese_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


class ProcedureDocument(Document):
    name = Text(analyzer=vietnamese_folded)
    sort_name = Keyword()  # the name in Vietnamese order (government.collation.sort_string)
    body = Text(analyzer=vietnamese_folded)
    levels = Keyword(multi=True)
    field = Keyword()
    point = Keyword()
    active = Keyword()
    online = Keyword()  # the online service level: "full" (toàn trình) or "partial"

    class Index:
        name = "procedures"  # replaced by the alias of the configured prefix (elastic.py)


class DossierDocument(Document):
    code = Keyword()
    name = Text(analyzer=vietnamese_folded)
    personal_id = Keyword()
    procedure = Integer()
    state = Keyword()
    received_at = Date()
    due_at = Date()
    timeliness = Keyword()  # early | on_time | late once returned
    agencies = Integer(multi=True)  # receiving, current and every agency on the route: who may see it

    class Index:
        name = "dossiers"


class OfficialDocument(Document):
    """An incoming or outgoing document of an agency's registers (the documents app)."""

    kind = Keyword()  # incoming | outgoing
    agency = Integer()
    year = Integer()
    text = Text(analyzer=vietnamese_folded)  # number and symbol, excerpt, sender, type

    class Index:
        name = "official-documents"
