"""One JSON object per log line (LOG_FORMAT=json), for a log collector to index."""

import json
import logging


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("status_code", "request", "dossier", "task"):
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value if isinstance(value, (int, float, str)) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
