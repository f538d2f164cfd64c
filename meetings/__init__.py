"""Paperless meetings (DOMAIN.md §11): a council's sessions with their documents, private notes,
comments, live group discussion, speaking requests, votes and the signed minutes."""
