"""Real servers for the shared-state tests: a redis-server, an S3-compatible server (moto) and
the portal's own app servers (gunicorn).

Each starts on a free port for the test module and stops after it; missing, the tests are skipped,
or fail under STRICT (CI), like the browser tests.
"""

import contextlib
import importlib.util
import logging
import shutil
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings

from tests.conftest import _unavailable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port, process=None, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """The URL of a redis-server of this module's own, in a temporary folder, nothing saved."""
    binary = shutil.which("redis-server")
    if not binary:
        _unavailable("no redis-server (apt-get install redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not _wait_for(port, process):
            _unavailable("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def s3_endpoint():
    """The endpoint URL of an S3-compatible server (moto's, pure Python, in this process)."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        _unavailable("moto's S3 server is not installed (moto[s3], flask, flask-cors)")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        if not _wait_for(port):
            _unavailable("moto's S3 server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@contextlib.contextmanager
def public_bucket(endpoint, name, access_key, secret_key):
    """A fresh bucket on ``endpoint`` that anyone may read (as the portal's media bucket must be,
    but for documents/ and .trash/); yields a boto3 client, and empties and deletes it after."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(
        Bucket=name,
        Policy=(
            '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",'
            f' "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{name}/*"}}]}}'
        ),
    )
    try:
        yield client
    finally:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
            for item in page.get("Contents", []):
                client.delete_object(Bucket=name, Key=item["Key"])
        client.delete_bucket(Bucket=name)


def _answers(port, process, seconds):
    """Whether the server on ``port`` answers HTTP within ``seconds``: gunicorn listens before
    its worker has imported Django, or found it cannot."""
    import http.client

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=seconds)
        try:
            connection.request("HEAD", "/admin/login/")
            connection.getresponse().read()
            return True
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    return False


@contextlib.contextmanager
def app_servers(env, count):
    """``count`` gunicorns of the portal (one sync worker each, ``env`` as their whole
    environment) on free ports; yields the ports once every one answers, stops them after."""
    if importlib.util.find_spec("gunicorn") is None:
        _unavailable("gunicorn is not installed")
    ports = [free_port() for _ in range(count)]
    processes = []
    try:
        for port in ports:
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "portal.wsgi:application"]
                    + ["--workers", "1", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                    env=env,
                    cwd=settings.BASE_DIR,
                )
            )
        for port, process in zip(ports, processes, strict=True):
            if not _answers(port, process, seconds=60):
                pytest.fail(f"gunicorn on port {port} did not start (its errors are above)")
        yield ports
    finally:
        for process in processes:
            process.terminate()  # idle sync workers stop at once
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
