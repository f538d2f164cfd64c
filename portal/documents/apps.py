from django.apps import AppConfig


class DocumentsUiConfig(AppConfig):
    """The clerks', leaders' and specialists' pages for documents (the domain is the `documents` app)."""

    name = "portal.documents"
    label = "documents_ui"
