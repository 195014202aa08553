"""The JSON API (django-ninja) at /api/v1/, with RFC 9457 problem details for errors."""
