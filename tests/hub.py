"""A real JupyterHub on 127.0.0.1, and simulated learners that use it the
way a class does: the classroom test (tests/test_hub.py) and
`make classroom` (tests/classroom.py) are built on it.

The hub is JupyterHub from PyPI with configurable-http-proxy from npm, both
in `.venv-hub` (`make test` builds it from tests/requirements-hub.txt, the
course's own pinned packages plus JupyterHub and nbgitpuller, so the
learners' servers run in the environment a hub image would have). Learners
log in with the dummy authenticator's shared password, each gets a server
from the simple local spawner (every learner runs as the user that started
the hub, in a home folder of their own under the hub's work folder), and
a service token creates learners and hands out their tokens.

A learner (`Learner`) does what a person does in a browser, through the
same HTTP and WebSocket APIs JupyterLab uses: starts a server, opens an
nbgitpuller link, starts a kernel, runs a lesson's code cells top to
bottom and moves a slider. It is not a browser (tests/test_browser.py
drives real JupyterLab in Chromium); it is cheap enough to run thirty at
once on two cores.

It is not a JupyterHub deployment guide: the README's "For instructors"
says which spawner and settings a real class needs.
"""
import asyncio
import json
import os
import secrets
import signal
import socket
import struct
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import nbformat
import psutil
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
HUB_VENV = ROOT / ".venv-hub"
JUPYTERHUB = HUB_VENV / "bin" / "jupyterhub"
SINGLEUSER = HUB_VENV / "bin" / "jupyterhub-singleuser"
PROXY = (HUB_VENV / "proxy" / "node_modules" / ".bin"
         / "configurable-http-proxy")
PASSWORD = "a-shared-class-password"

CONFIG = """\
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///:memory:"
c.JupyterHub.cookie_secret = bytes.fromhex("{cookie_secret}")
c.ConfigurableHTTPProxy.command = ["{proxy}"]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.auth_token = "{proxy_token}"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "{password}"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{homes}/{{username}}"
c.Spawner.cmd = ["{singleuser}"]
c.Spawner.args = {args}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{"OPENBLAS_NUM_THREADS": "1",
                          "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}}
c.JupyterHub.services = [{{"name": "classroom",
                           "api_token": "{service_token}"}}]
c.JupyterHub.load_roles = [{{
    "name": "classroom", "services": ["classroom"],
    "scopes": ["admin:users", "admin:servers", "tokens"]}}]
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyterhub_version():
    return subprocess.run([str(JUPYTERHUB), "--version"], check=True,
                          capture_output=True, text=True).stdout.strip()


def hub_is_installed():
    """Whether `.venv-hub` holds JupyterHub, nbgitpuller and the proxy."""
    return all(p.exists() for p in (JUPYTERHUB, SINGLEUSER, PROXY))


class Hub:
    """A JupyterHub started in `workdir`; use as a context manager.

    Attributes: `url` (the proxy's public address), `startup_seconds`
    (from the command to the hub's API answering), `homes` (the learners'
    home folders)."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.homes = self.workdir / "homes"
        self.port, self.hub_port, self.proxy_api_port = (
            free_port(), free_port(), free_port())
        self.url = f"http://127.0.0.1:{self.port}"
        self.service_token = secrets.token_hex(32)
        self.process = None
        self.startup_seconds = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self, timeout=60):
        self.homes.mkdir(parents=True, exist_ok=True)
        args = ["--allow-root"] if os.geteuid() == 0 else []
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(CONFIG.format(
            port=self.port, hub_port=self.hub_port,
            proxy_api_port=self.proxy_api_port, proxy=PROXY,
            proxy_token=secrets.token_hex(32),
            cookie_secret=secrets.token_hex(32), password=PASSWORD,
            homes=self.homes, singleuser=SINGLEUSER, args=args,
            service_token=self.service_token))
        log = open(self.workdir / "hub.log", "wb")
        start = time.perf_counter()
        self.process = subprocess.Popen(
            [str(JUPYTERHUB), "-f", str(config)], cwd=self.workdir,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        try:
            self._wait_for_api(start, timeout)
        except BaseException:                # nothing is left running
            self.stop()
            raise
        self.startup_seconds = time.perf_counter() - start

    def _wait_for_api(self, start, timeout):
        while True:
            try:
                status, _ = self.request("GET", f"{self.url}/hub/api/",
                                         self.service_token, raw=True)
                if status == 200:
                    return
            except (urllib.error.URLError, ConnectionError):
                pass
            if self.process.poll() is not None or (
                    time.perf_counter() - start > timeout):
                raise RuntimeError(f"the hub did not start:\n{self.log()}")
            time.sleep(0.1)

    def log(self):
        path = self.workdir / "hub.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def processes(self):
        """Every process of this hub still running: the hub, its proxy,
        the learners' servers and their kernels (found by their working
        folder under the hub's, or by the hub's own process tree)."""
        found = {}
        if self.process is not None and self.process.poll() is None:
            hub = psutil.Process(self.process.pid)
            found[hub.pid] = hub
            found.update((p.pid, p) for p in hub.children(recursive=True))
        here = str(self.workdir)
        for p in psutil.process_iter(["cwd", "cmdline"]):
            cwd = p.info["cwd"] or ""
            cmd = " ".join(p.info["cmdline"] or [])
            if cwd.startswith(here) or f"--port {self.port} " in cmd:
                found[p.pid] = p
        return list(found.values())

    def stop(self):
        """Stop the hub (which stops the learners' servers), then anything
        of it left running; afterwards nothing it started runs."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        left = self.processes()
        for p in left:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(left, timeout=10)

    # the hub's REST API

    def request(self, method, url, token, body=None, raw=False):
        """(status, JSON body or bytes) of an HTTP request with `token`;
        an HTTP error status is returned, not raised."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            url, method=method, data=data,
            headers={"Authorization": f"token {token}",
                     "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        if raw:
            return status, payload
        return status, json.loads(payload) if payload else None

    def api(self, method, path, body=None, token=None):
        return self.request(method, f"{self.url}/hub/api{path}",
                            token or self.service_token, body)


class Learner:
    """One simulated learner: a hub account, a token, a server."""

    def __init__(self, hub, name):
        self.hub, self.name = hub, name
        self.token = None
        self.server_seconds = None

    def log_in(self):
        """Create the account and take a token, as the hub's login does."""
        status, _ = self.hub.api("POST", f"/users/{self.name}", {})
        assert status in (201, 409), f"creating {self.name}: {status}"
        status, body = self.hub.api(
            "POST", f"/users/{self.name}/tokens",
            {"note": "classroom learner", "expires_in": 3600})
        assert status == 201, f"a token for {self.name}: {status}"
        self.token = body["token"]
        return self

    def start_server(self, timeout=180):
        start = time.perf_counter()
        status, _ = self.hub.api("POST", f"/users/{self.name}/server", {},
                                 token=self.token)
        assert status in (201, 202, 400), f"spawning {self.name}: {status}"
        while True:
            _, user = self.hub.api("GET", f"/users/{self.name}",
                                   token=self.token)
            if user["servers"].get("", {}).get("ready"):
                break
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"{self.name}'s server did not start:\n"
                                   f"{self.hub.log()}")
            time.sleep(0.25)
        self.server_seconds = time.perf_counter() - start
        return self

    def stop_server(self, timeout=60):
        """Stop this learner's server, as the hub's control panel does."""
        self.hub.api("DELETE", f"/users/{self.name}/server", token=self.token)
        start = time.perf_counter()
        while self.hub.api("GET", f"/users/{self.name}",
                           token=self.token)[1]["servers"]:
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"{self.name}'s server did not stop")
            time.sleep(0.25)
        return self

    def server(self, path, method="GET", body=None, as_user=None, raw=False):
        """A request to `as_user`'s server (default: one's own) with this
        learner's token."""
        user = as_user or self.name
        return self.hub.request(method, f"{self.hub.url}/user/{user}{path}",
                                self.token, body, raw=raw)

    def pull(self, repo, targetpath, branch="main"):
        """Open an nbgitpuller link (its API: the event stream the link's
        page reads) and return the events, the last being `finished`."""
        query = urllib.parse.urlencode({"repo": repo, "branch": branch,
                                        "targetpath": targetpath})
        request = urllib.request.Request(
            f"{self.hub.url}/user/{self.name}/git-pull/api?{query}",
            headers={"Authorization": f"token {self.token}"})
        events = []
        with urllib.request.urlopen(request, timeout=300) as stream:
            for line in stream:
                line = line.decode().strip()
                if line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        return events

    def processes(self):
        """(server, kernels): this learner's processes."""
        server, kernels = None, []
        for p in self.hub.processes():
            try:
                env = p.environ()
                cmd = " ".join(p.cmdline())
            except psutil.Error:
                continue
            if env.get("JUPYTERHUB_USER") != self.name:
                continue
            if "ipykernel" in cmd:
                kernels.append(p)
            elif "jupyterhub-singleuser" in cmd:
                server = p
        return server, kernels


def peak_rss_mb(process):
    """The most resident memory the process has ever held (VmHWM), MB."""
    with open(f"/proc/{process.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {process.pid}")


def cpu_seconds(process):
    times = process.cpu_times()
    return times.user + times.system


def _message(msg_type, content, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type,
                       "username": "learner", "session": session,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content,
            "channel": "shell", "buffers": []}


def _decode(frame):
    """A kernel message from the WebSocket: text, or binary with buffers
    (a count, the offsets, then the JSON first)."""
    if isinstance(frame, str):
        return json.loads(frame), []
    n = struct.unpack("!i", frame[:4])[0]
    offsets = list(struct.unpack("!" + "I" * n, frame[4:4 * (n + 1)]))
    offsets.append(len(frame))
    parts = [frame[a:b] for a, b in zip(offsets, offsets[1:])]
    return json.loads(parts[0]), parts[1:]


class Kernel:
    """A kernel on a learner's server, driven over its WebSocket the way
    JupyterLab drives it. Use inside `asyncio`: ``async with Kernel(...)``.
    """

    def __init__(self, learner, path):
        self.learner, self.path = learner, path
        self.session = uuid.uuid4().hex
        self.widgets = {}             # comm id -> state, as they open
        self.id = self.ws = None

    async def __aenter__(self):
        status, kernel = self.learner.server(
            "/api/kernels", "POST", {"name": "python3", "path": self.path})
        assert status == 201, f"starting a kernel: {status} {kernel}"
        self.id = kernel["id"]
        hub, learner = self.learner.hub, self.learner
        self.ws = await websocket_connect(HTTPRequest(
            f"ws://127.0.0.1:{hub.port}/user/{learner.name}/api/kernels/"
            f"{self.id}/channels",
            headers={"Authorization": f"token {learner.token}"}))
        return self

    async def __aexit__(self, *exc):
        self.ws.close()
        self.learner.server(f"/api/kernels/{self.id}", "DELETE")

    async def _read(self, timeout):
        frame = await asyncio.wait_for(self.ws.read_message(), timeout)
        if frame is None:
            raise RuntimeError("the kernel's WebSocket closed")
        message, buffers = _decode(frame)
        if message["header"]["msg_type"] == "comm_open":
            content = message["content"]
            self.widgets[content["comm_id"]] = content["data"].get(
                "state", {})
        return message, buffers

    async def execute(self, code, timeout=120):
        """Run `code`; return (status, the error's name and value)."""
        request = _message("execute_request", {
            "code": code, "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False,
            "stop_on_error": True}, self.session)
        await self.ws.write_message(json.dumps(request))
        mine = request["header"]["msg_id"]
        status, error, idle = None, None, False
        while status is None or not idle:      # the two come in any order
            message, _ = await self._read(timeout)
            if message["parent_header"].get("msg_id") != mine:
                continue
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "execute_reply":
                status = content["status"]
                if status == "error":
                    error = f"{content['ename']}: {content['evalue']}"
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return status, error

    async def run_notebook(self, notebook):
        """Run the notebook's code cells in order (a NotebookNode, or a
        path), as Run All does (cells tagged raises-exception may fail);
        return the first failure or None."""
        nb = notebook
        if not isinstance(notebook, nbformat.NotebookNode):
            nb = nbformat.read(notebook, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            status, error = await self.execute(cell.source)
            expected = "raises-exception" in cell.metadata.get("tags", [])
            if status != "ok" and not expected:
                return f"cell {i}: {error}"
        return None

    def sliders(self):
        """(comm id, state) of every slider the lesson showed."""
        kinds = ("IntSliderModel", "FloatSliderModel", "FloatLogSliderModel")
        return [(cid, state) for cid, state in self.widgets.items()
                if state.get("_model_name") in kinds
                and state.get("description") not in ("frames/s",
                                                      "steps/frame")]

    async def move_slider(self, comm_id, value, timeout=60):
        """Move a slider as the browser does and wait for the explorer's
        new picture; return (seconds, the PNG's bytes)."""
        move = _message("comm_msg", {"comm_id": comm_id, "data": {
            "method": "update", "state": {"value": value},
            "buffer_paths": []}}, self.session)
        start = time.perf_counter()
        await self.ws.write_message(json.dumps(move))
        while True:
            message, buffers = await self._read(timeout)
            data = message["content"].get("data", {})
            if (message["header"]["msg_type"] == "comm_msg"
                    and data.get("buffer_paths") == [["value"]]
                    and buffers and buffers[0][:4] == b"\x89PNG"):
                return time.perf_counter() - start, bytes(buffers[0])
