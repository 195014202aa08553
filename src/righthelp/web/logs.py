"""Structured logs: one JSON object per line.

Only named, safe fields are written. A record's `extra` is ignored unless its key is listed
here, so a request object, form data or a narrative passed along by a library never reaches
the log. Exceptions are logged by type and stack frames, without their message (a message
can quote input, such as a value that failed to parse).
"""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime

SAFE_EXTRA = ("event", "method", "path", "status", "duration_ms", "view", "check")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": _message(record),
        }
        for key in SAFE_EXTRA:
            if key in record.__dict__:
                data[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _, tb = record.exc_info
            data["exc_type"] = exc_type.__name__
            data["exc_frames"] = [
                f"{frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(tb)
            ]
        return json.dumps(data, ensure_ascii=False)


def _message(record: logging.LogRecord) -> str:
    # Django's request logger puts the path in its message ("Internal Server Error: /x"),
    # never the query string or body. Other messages are ours.
    try:
        return record.getMessage()
    except (TypeError, ValueError):
        return str(record.msg)
