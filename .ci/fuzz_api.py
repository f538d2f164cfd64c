#!/usr/bin/env python3
"""schemathesis against a live server process, over every operation of the API, three times:
anonymous, as a citizen with a VNeID access token, and as a registered system with an API key.

Passes when no response is a 5xx and every response conforms to the committed schema (status code,
content type, body). Everything runs on loopback: a throwaway SQLite database with the demo data, the
fake VNeID provider, gunicorn. `make fuzz-api` runs it; .ci/run too.

    FUZZ_EXAMPLES=50 .venv/bin/python .ci/fuzz_api.py
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
EXAMPLES = os.environ.get("FUZZ_EXAMPLES", "25")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def main():
    var = Path(tempfile.mkdtemp(prefix="fuzz-api-"))
    vneid_port, port = free_port(), free_port()
    env = {
        **os.environ,
        "VAR_DIR": str(var),
        "DATABASE_URL": "",
        "CITIZEN_REGISTRY_BACKEND": "memory",
        "VNEID_ISSUER": f"http://127.0.0.1:{vneid_port}",
        "TRACKING_RATE_LIMIT": "100000",
        "SMS_BACKEND": "memory",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL")

    def manage(*args):
        subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    started = time.monotonic()
    manage("migrate", "--noinput")
    manage("load_reference_data", "--model", "legacy")
    manage("seed_demo")
    key = subprocess.run(
        [
            BIN / "python",
            "manage.py",
            "register_system",
            "Kiểm thử API",
            "--scope",
            "transitions",
            "--acting-user",
            "xa.motcua",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    processes = [
        subprocess.Popen(
            [BIN / "python", "-m", "vneid_adapter.fake_server", "--port", str(vneid_port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [BIN / "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "60"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(var / "gunicorn.log", "w"),
        ),
    ]
    results = []
    try:
        wait_for(f"http://127.0.0.1:{vneid_port}/health")
        wait_for(f"http://127.0.0.1:{port}/api/schema/")
        token = requests.post(
            f"http://127.0.0.1:{vneid_port}/demo-token", timeout=5, json={"personal_id": "019090001234", "level": 2}
        ).json()["access_token"]
        print(f"Set-up in {time.monotonic() - started:.0f} s; fuzzing with {EXAMPLES} examples per operation")
        for who, header in (
            ("anonymous", None),
            ("citizen", f"Authorization: Bearer {token}"),
            ("system", f"Authorization: Api-Key {key}"),
        ):
            command = [
                BIN / "schemathesis",
                "run",
                str(ROOT / "api" / "openapi.yaml"),
                "--url",
                f"http://127.0.0.1:{port}",
                "--checks",
                CHECKS,
                "--max-examples",
                EXAMPLES,
                "--seed",
                "2026",
                "--no-color",
                "--generation-database",
                "none",
                "--workers",
                "1",
                "--suppress-health-check",
                "all",
                "--request-timeout",
                "30",
            ]
            if header:
                command += ["--header", header]
            run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            output = run.stdout + run.stderr
            (var / f"schemathesis-{who}.txt").write_text(output)
            results.append((who, run.returncode, _summary(output)))
            print(f"--- {who}: exit {run.returncode}\n{_summary(output)}")
            if run.returncode:
                print(output[-6000:])
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
    five_xx = (var / "gunicorn.log").read_text().count("Internal Server Error")
    print(f"Reports in {var}; server errors logged: {five_xx}")
    if any(code for _who, code, _s in results) or five_xx:
        raise SystemExit(1)


def _summary(output):
    lines = [
        line
        for line in output.splitlines()
        if re.search(r"(API operations|Test cases|Failures|Errors|Warnings|passed|failed|Seed)", line)
    ]
    return "\n".join(lines[-12:])


if __name__ == "__main__":
    main()
