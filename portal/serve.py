"""Serve the portal as in production: `python -m portal.serve` (or `make serve`).

Collects the static files (served by WhiteNoise from the application), then runs gunicorn with
2 × cores + 1 workers (WEB_CONCURRENCY overrides), daphne for the meetings' WebSockets (`--ws-bind`;
the reverse proxy sends /ws/ there, and REDIS_URL must be set so that both hear the same events), and,
when CELERY_BROKER_URL names a broker, a Celery worker and Celery beat beside it. Stops them all on Ctrl-C or SIGTERM, and stops everything
when one of them dies (the supervisor, systemd or Kubernetes, then restarts the lot).
Migrations are a deployment step of their own: `manage.py migrate`.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def workers():
    return int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)


def commands(bind, with_celery, ws_bind=None):
    gunicorn = [
        str(BIN / "gunicorn"),
        "portal.wsgi",
        "--bind",
        bind,
        "--workers",
        str(workers()),
        "--timeout",
        "60",
        "--graceful-timeout",
        "30",
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("TRUSTED_PROXIES", "127.0.0.1"),
    ]
    result = {"web": gunicorn}
    if ws_bind:
        host, _, port = ws_bind.rpartition(":")
        result["live"] = [str(BIN / "daphne"), "-b", host, "-p", port, "--proxy-headers", "portal.asgi:application"]
    if with_celery:
        result["worker"] = [
            str(BIN / "celery"),
            "-A",
            "portal",
            "worker",
            "--loglevel",
            "INFO",
            "--concurrency",
            str(max(2, os.cpu_count() or 1)),
        ]
        result["beat"] = [
            str(BIN / "celery"),
            "-A",
            "portal",
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(Path(os.environ.get("VAR_DIR", ROOT / "var")) / "celerybeat-schedule"),
        ]
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("BIND", "0.0.0.0:8000"))
    parser.add_argument(
        "--ws-bind",
        default=os.environ.get("WS_BIND", "0.0.0.0:8001"),
        help="where daphne answers the meetings' WebSockets (empty: not started)",
    )
    args = parser.parse_args(argv)
    if subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT).returncode:
        return 1  # the settings refused to load and said why (a missing secret, DJANGO_SECRET_KEY…)
    with_celery = bool(os.environ.get("CELERY_BROKER_URL"))
    if args.ws_bind and not os.environ.get("REDIS_URL"):
        print(
            "REDIS_URL is not set: votes and messages sent through gunicorn will not reach the WebSockets", flush=True
        )
    processes = {
        name: subprocess.Popen(command, cwd=ROOT)
        for name, command in commands(args.bind, with_celery, args.ws_bind).items()
    }
    print(
        f"serving on {args.bind}: gunicorn with {workers()} workers"
        + (f", WebSockets on {args.ws_bind} (daphne)" if args.ws_bind else "")
        + (", Celery worker and beat" if with_celery else " (tasks run in the request: no CELERY_BROKER_URL)"),
        flush=True,
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping and all(p.poll() is None for p in processes.values()):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    for process in processes.values():
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
    failed = [name for name, p in processes.items() if p.returncode not in (0, -signal.SIGTERM, None)]
    return 1 if failed and not stopping else 0


if __name__ == "__main__":
    sys.exit(main())
