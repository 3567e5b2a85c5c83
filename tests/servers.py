"""Real servers for the shared-state tests: a redis-server and an S3-compatible server (moto).

Each starts on a free port for the test module and stops after it; missing, the tests are skipped,
or fail under STRICT (CI), like the browser tests.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest

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
        _unavailable("moto[server] is not installed")
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
