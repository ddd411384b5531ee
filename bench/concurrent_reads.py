"""Latency of the directory page under load: gunicorn with 2 workers on the demo coalition.

    .venv/bin/python bench/concurrent_reads.py [--database-url URL] [--connections 2]
        [--requests 300] [--path /members/]

Builds a fresh database (SQLite in a temporary folder by default) through the migrations,
loads the demo coalition, serves it with gunicorn (2 sync workers), logs in as the demo
coordinator, then has each connection ask for the page in a loop and reports the median,
95th percentile and maximum, in milliseconds. On SQLite a page that only reads should not
wait for the other worker: compare with the same run on PostgreSQL.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(database_url):
    return {
        **os.environ,
        "COALITION_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-secret-key-not-for-production",
        "MAIL_SERVER": "",
        "FLASK_APP": "wsgi",
    }


def prepare(database_url):
    """The schema through the migrations, then the demo coalition."""
    env = _environment(database_url)
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run([VENV_BIN / "flask", *command], cwd=ROOT, env=env, check=True)


def serve(database_url, port):
    """gunicorn with 2 sync workers; returns the process once it answers."""
    process = subprocess.Popen(
        [VENV_BIN / "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=_environment(database_url),
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def logged_in_opener(base_url):
    """A browser-like opener with the demo coordinator's session cookie."""
    from coalition.demo import COORDINATOR_PASSWORD

    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = opener.open(f"{base_url}/login").read().decode()
    form = {
        "csrf_token": TOKEN.search(page).group(1),
        "email": "marisol.vega@example.org",
        "password": COORDINATOR_PASSWORD,
    }
    opener.open(f"{base_url}/login", urllib.parse.urlencode(form).encode())
    assert "Log out" in opener.open(f"{base_url}/").read().decode(), "login failed"
    return opener


def load(base_url, path, connections, requests):
    """Each connection asks for the page `requests` times; returns every latency in ms."""
    openers = [logged_in_opener(base_url) for _ in range(connections)]
    latencies, start = [], threading.Barrier(connections)

    def ask(opener):
        start.wait()
        for _ in range(requests):
            began = time.perf_counter()
            with opener.open(base_url + path) as response:
                response.read()
                assert response.status == 200
            latencies.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=ask, args=(opener,)) for opener in openers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def report(latencies, args, database_url):
    ordered = sorted(latencies)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    kind = database_url.split(":", 1)[0]
    print(
        f"{args.path} on {kind}, {args.connections} connections x {args.requests} requests: "
        f"median {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--path", default="/members/")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url or f"sqlite:///{folder}/bench.db"
        prepare(database_url)
        port = _free_port()
        server = serve(database_url, port)
        try:
            base_url = f"http://127.0.0.1:{port}"
            load(base_url, args.path, args.connections, 20)  # warm both workers
            report(load(base_url, args.path, args.connections, args.requests), args, database_url)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
