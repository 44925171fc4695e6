"""API views, one module per resource. Each parses the request, loads objects, calls at
most one service and answers JSON (see exercises/api/http.py for the shared plumbing)."""
